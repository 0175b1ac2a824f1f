package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;

/**
 * The forward sensitivity system as one term of size {@code n(1 + n + p)}: the state {@code y}
 * followed by the columns of {@code Y = ∂y/∂y0} and of {@code S = ∂y/∂θ}, each a block of {@code
 * n} values, with {@code Y' = (∂f/∂y) Y} and {@code S' = (∂f/∂y) S + ∂f/∂θ}. Every column is one
 * Jacobian–vector product of the compiled field, all in one loop per evaluation.
 */
final class SensitivityTerm implements Term {
  private final DifferentiableTerm.Evaluator f;
  private final double[] theta;
  private final int n;
  private final int p;
  private final double[] y;
  private final double[] column;
  private final double[] out;
  private final double[] unit;
  private long jvps;

  SensitivityTerm(DifferentiableTerm term, double[] theta) {
    this.f = term.evaluator();
    this.theta = theta;
    this.n = term.size();
    this.p = term.numParams();
    this.y = new double[n];
    this.column = new double[n];
    this.out = new double[n];
    this.unit = new double[p];
  }

  /** {@code (y0, I, 0)}: the initial state with its sensitivities. */
  static double[] initial(double[] y0, int p) {
    int n = y0.length;
    double[] z = new double[n * (1 + n + p)];
    System.arraycopy(y0, 0, z, 0, n);
    for (int j = 0; j < n; j++) {
      z[n + j * n + j] = 1;
    }
    return z;
  }

  @Override
  public int size() {
    return n * (1 + n + p);
  }

  @Override
  public void rate(double t, double[] z, double[] dz) {
    System.arraycopy(z, 0, y, 0, n);
    f.rate(t, y, theta, out);
    System.arraycopy(out, 0, dz, 0, n);
    for (int c = 0; c < n + p; c++) {
      int at = n + c * n;
      System.arraycopy(z, at, column, 0, n);
      if (c < n) {
        f.jvp(t, y, theta, 0, column, null, out);
      } else {
        unit[c - n] = 1;
        f.jvp(t, y, theta, 0, column, unit, out);
        unit[c - n] = 0;
      }
      System.arraycopy(out, 0, dz, at, n);
    }
    jvps += n + p;
  }

  /** Jacobian–vector products so far. */
  long jvpEvaluations() {
    return jvps;
  }
}
