package org.nde4j.solve.stepsize;

import org.nde4j.solve.term.Term;

/**
 * Hairer's starting step size (Hairer, Nørsett, Wanner, <i>Solving ODEs I</i>, 2nd ed., §II.4,
 * "Starting Step Size"; the same algorithm as {@code dopri5.f}'s {@code hinit} and Hipparchus's
 * {@code initializeStep}): two evaluations of the right-hand side estimate the solution's first
 * and second derivatives, and the step is chosen so that {@code h^p·max(‖f‖, ‖f'‖) ≈ 0.01}.
 */
final class InitialStep {
  private InitialStep() {}

  /**
   * @param order the method's order {@code p}
   * @param dtmax the largest step allowed (magnitude)
   * @return the signed first step, never larger than {@code |t1 − t0|}
   */
  static double select(Term term, double t0, double t1, double[] y0, int order, double rtol,
      double atol, double dtmax) {
    int n = y0.length;
    double dir = Math.signum(t1 - t0);
    double[] f0 = new double[n];
    double[] y1 = new double[n];
    double[] f1 = new double[n];
    term.rate(t0, y0, f0);
    double d0 = 0;
    double d1 = 0;
    for (int i = 0; i < n; i++) {
      double sc = atol + rtol * Math.abs(y0[i]);
      d0 += (y0[i] / sc) * (y0[i] / sc);
      d1 += (f0[i] / sc) * (f0[i] / sc);
    }
    // Hairer's hinit uses plain (not mean) sums of squares, as does Hipparchus.
    d0 = Math.sqrt(d0);
    d1 = Math.sqrt(d1);
    double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
    h0 = Math.min(h0, Math.min(dtmax, Math.abs(t1 - t0)));
    for (int i = 0; i < n; i++) {
      y1[i] = y0[i] + dir * h0 * f0[i];
    }
    term.rate(t0 + dir * h0, y1, f1);
    double d2 = 0;
    for (int i = 0; i < n; i++) {
      double sc = atol + rtol * Math.abs(y0[i]);
      double dd = (f1[i] - f0[i]) / sc;
      d2 += dd * dd;
    }
    d2 = Math.sqrt(d2) / h0;
    double m = Math.max(d1, d2);
    double h1 = m <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / m, 1.0 / order);
    double h = Math.min(Math.min(100 * h0, h1), Math.min(dtmax, Math.abs(t1 - t0)));
    if (!(h > 0)) {
      h = Math.min(1e-6, Math.abs(t1 - t0));
    }
    return dir * h;
  }
}
