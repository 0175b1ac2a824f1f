package org.nde4j.solve.adjoint;

import org.nde4j.solve.stepsize.ErrorNorm;

/**
 * The error norm of a sensitivity system with full error control: the largest of the weighted RMS
 * norms of the state block and of every sensitivity column ({@code n} values each), so that
 * neither the state nor any sensitivity is drowned in the average of the others — CVODES's local
 * error test with sensitivities included ({@code errconS}; A. C. Hindmarsh et al., <i>SUNDIALS:
 * Suite of nonlinear and differential/algebraic equation solvers</i>, ACM TOMS 31(3):363–396,
 * 2005, §3).
 */
final class BlockMaxNorm implements ErrorNorm {
  private final double rtol;
  private final double atol;
  private final int n;

  BlockMaxNorm(double rtol, double atol, int n) {
    this.rtol = rtol;
    this.atol = atol;
    this.n = n;
  }

  @Override
  public double ratio(double[] err, double[] y0, double[] y1) {
    double worst = 0;
    for (int from = 0; from < err.length; from += n) {
      double acc = 0;
      for (int i = from; i < from + n; i++) {
        double r = err[i] / (atol + rtol * Math.max(Math.abs(y0[i]), Math.abs(y1[i])));
        acc += r * r;
      }
      if (acc != acc) {
        return Double.NaN;
      }
      worst = Math.max(worst, acc);
    }
    return Math.sqrt(worst / n);
  }

  @Override
  public double weight(int i, double yi) {
    return 1 / (atol + rtol * Math.abs(yi));
  }

  @Override
  public String toString() {
    return "block-max rms(rtol=" + rtol + ", atol=" + atol + ", blocks of " + n + ")";
  }
}
