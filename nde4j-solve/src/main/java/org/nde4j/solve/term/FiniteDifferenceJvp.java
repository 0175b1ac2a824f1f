package org.nde4j.solve.term;

/**
 * {@code J v ≈ (f(y + εv) − f(y)) / ε} with {@code ε = sqrt(u)·(1 + ‖y‖) / ‖v‖} (u the unit
 * round-off; Knoll &amp; Keyes, <i>Jacobian-free Newton–Krylov methods</i>, J. Comput. Phys.
 * 193:357–397, 2004, eq. 11): two rate evaluations per product (one when {@code f(y)} is reused
 * for the same {@code (t, y)}).
 */
public final class FiniteDifferenceJvp implements JacobianVectorProduct {
  private static final double SQRT_UROUND = Math.sqrt(0x1p-52);
  private final Term term;
  private final double[] f0;
  private final double[] f1;
  private final double[] yp;
  private final double[] lastY;
  private double lastT = Double.NaN;
  private long rateEvaluations;

  public FiniteDifferenceJvp(Term term) {
    this.term = term;
    int n = term.size();
    this.f0 = new double[n];
    this.f1 = new double[n];
    this.yp = new double[n];
    this.lastY = new double[n];
  }

  @Override
  public void apply(double t, double[] y, double[] v, double[] out) {
    int n = y.length;
    if (t != lastT || !java.util.Arrays.equals(y, lastY)) {
      term.rate(t, y, f0);
      rateEvaluations++;
      lastT = t;
      System.arraycopy(y, 0, lastY, 0, n);
    }
    double vn = 0;
    double yn = 0;
    for (int i = 0; i < n; i++) {
      vn += v[i] * v[i];
      yn += y[i] * y[i];
    }
    if (vn == 0) {
      java.util.Arrays.fill(out, 0);
      return;
    }
    double eps = SQRT_UROUND * (1 + Math.sqrt(yn)) / Math.sqrt(vn);
    for (int i = 0; i < n; i++) {
      yp[i] = y[i] + eps * v[i];
    }
    term.rate(t, yp, f1);
    rateEvaluations++;
    for (int i = 0; i < n; i++) {
      out[i] = (f1[i] - f0[i]) / eps;
    }
  }

  @Override
  public long rateEvaluations() {
    return rateEvaluations;
  }
}
