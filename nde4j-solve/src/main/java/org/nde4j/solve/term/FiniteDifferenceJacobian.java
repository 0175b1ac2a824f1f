package org.nde4j.solve.term;

/**
 * The Jacobian of a term by forward differences, one extra rate evaluation per column, with
 * Hairer's increments {@code δ_j = sqrt(u · max(1e-5, |y_j|))} (u the unit round-off; Hairer,
 * Wanner, <i>Solving ODEs II</i>, {@code radau5.f}/{@code rodas.f}), so about half the digits are
 * right — enough for Newton iterations and Rosenbrock methods with tolerances above ~1e-8.
 */
public final class FiniteDifferenceJacobian implements Jacobian {
  private static final double UROUND = 0x1p-52;
  private final Term term;
  private final int n;
  private final double[] f0;
  private final double[] f1;
  private final double[] yp;
  private long rateEvaluations;
  private long evaluations;

  public FiniteDifferenceJacobian(Term term) {
    this.term = term;
    this.n = term.size();
    this.f0 = new double[n];
    this.f1 = new double[n];
    this.yp = new double[n];
  }

  @Override
  public void evaluate(double t, double[] y, double[] out) {
    evaluations++;
    term.rate(t, y, f0);
    rateEvaluations++;
    System.arraycopy(y, 0, yp, 0, n);
    for (int j = 0; j < n; j++) {
      double delta = Math.sqrt(UROUND * Math.max(1e-5, Math.abs(y[j])));
      yp[j] = y[j] + delta;
      // the increment actually representable
      double h = yp[j] - y[j];
      term.rate(t, yp, f1);
      rateEvaluations++;
      for (int i = 0; i < n; i++) {
        out[i * n + j] = (f1[i] - f0[i]) / h;
      }
      yp[j] = y[j];
    }
  }

  @Override
  public long rateEvaluations() {
    return rateEvaluations;
  }

  @Override
  public long evaluations() {
    return evaluations;
  }
}
