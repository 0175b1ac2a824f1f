package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;

/**
 * The field with fixed {@code θ} as a {@link Term} that keeps, for each output array a solver
 * evaluates into, the residuals of the last evaluation written there ({@link
 * DifferentiableTerm.Evaluator#rate(double, double[], double[], double[], double[][])}). A
 * Runge–Kutta stepper evaluates each stage into its own array, so after an accepted step the
 * residuals of stage {@code i} are those of the array {@link
 * org.nde4j.solve.solver.StageAccess#stage(int)} returns; the discrete adjoint copies them and its
 * backward pass runs the VJPs from them instead of re-evaluating the stages. Arrays are told apart
 * by identity; past {@link #MAX_ARRAYS} distinct arrays (a caller allocating per call) evaluations
 * go to a scratch slot and are not kept.
 */
final class SavingTerm implements Term {
  static final int MAX_ARRAYS = 64;

  private final DifferentiableTerm.Evaluator f;
  private final double[] theta;
  private final int n;
  private final double[][] outputs = new double[MAX_ARRAYS][];
  private final double[][][] saved = new double[MAX_ARRAYS][][];
  private final double[][] scratch;
  private int count;

  SavingTerm(DifferentiableTerm.Evaluator f, double[] theta, int n) {
    this.f = f;
    this.theta = theta;
    this.n = n;
    this.scratch = f.residuals(n);
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public void rate(double t, double[] y, double[] dy) {
    double[][] r = residualsOf(dy);
    if (r == null) {
      r = count < MAX_ARRAYS ? register(dy) : scratch;
    }
    f.rate(t, y, theta, dy, r);
  }

  private double[][] register(double[] dy) {
    outputs[count] = dy;
    saved[count] = f.residuals(n);
    return saved[count++];
  }

  /** The residuals of the last evaluation into {@code dy}, or null if none were kept. */
  double[][] residualsOf(double[] dy) {
    for (int i = 0; i < count; i++) {
      if (outputs[i] == dy) {
        return saved[i];
      }
    }
    return null;
  }

  /** A new set of residual arrays of the field's layout. */
  double[][] newResiduals() {
    return f.residuals(n);
  }
}
