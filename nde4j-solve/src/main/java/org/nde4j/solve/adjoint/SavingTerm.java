package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.Term;

/**
 * The field with fixed {@code θ} as a {@link Term} that keeps, for each output array a solver
 * evaluates into, the residuals of the last evaluation written there ({@link
 * DifferentiableTerm.Evaluator#rate(double, double[], double[], double[], double[][])}). A
 * Runge–Kutta stepper evaluates each stage into its own array, so after an accepted step the
 * residuals of stage {@code i} are those of the array {@link
 * org.nde4j.solve.solver.StageAccess#stage(int)} returns; the discrete adjoint {@link #keep keeps}
 * them (without copying: the array's next evaluation writes new residual arrays) and its backward
 * pass runs the VJPs from them instead of re-evaluating the stages. Output arrays are told apart
 * by identity; past {@link #MAX_ARRAYS} distinct arrays (a caller allocating per call)
 * evaluations go to a scratch slot and are not kept. New residual arrays come from a pool of
 * recycled ones ({@link #recycle}) before any is allocated.
 */
final class SavingTerm implements Term {
  static final int MAX_ARRAYS = 64;

  private final DifferentiableTerm.Evaluator f;
  private final double[] theta;
  private final int n;
  private final double[][] outputs = new double[MAX_ARRAYS][];
  private final double[][][] saved = new double[MAX_ARRAYS][][];
  /** Whether the residuals of slot i were kept (the next evaluation there needs new arrays). */
  private final boolean[] kept = new boolean[MAX_ARRAYS];
  private final double[][] scratch;
  /** Recycled residual sets, used before new ones are allocated. */
  private final java.util.ArrayDeque<double[][]> pool;
  /** The residual sets handed over by {@link #keep}, each once. */
  private final java.util.List<double[][]> handedOver = new java.util.ArrayList<>();
  private int count;

  /**
   * @param pool residual sets of an earlier solve of the same field that are no longer read
   *     (taken over by this term; may be empty)
   */
  SavingTerm(DifferentiableTerm.Evaluator f, double[] theta, int n,
      java.util.ArrayDeque<double[][]> pool) {
    this.f = f;
    this.theta = theta;
    this.n = n;
    this.pool = pool;
    this.scratch = fresh();
  }

  private double[][] fresh() {
    double[][] r = pool.poll();
    return r != null ? r : f.residuals(n);
  }

  /**
   * Hands every residual set this term allocated or took from its pool to {@code out}, for a
   * later solve of the same field: the caller guarantees that nothing reads them any more (the
   * recording that kept them is discarded).
   */
  void recycle(java.util.ArrayDeque<double[][]> out) {
    out.addAll(handedOver);
    for (int i = 0; i < count; i++) {
      if (!kept[i]) {
        out.add(saved[i]);
      }
    }
    out.add(scratch);
    out.addAll(pool);
    handedOver.clear();
    pool.clear();
    count = 0;
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public void rate(double t, double[] y, double[] dy) {
    int i = slot(dy);
    double[][] r;
    if (i >= 0) {
      if (kept[i]) {
        saved[i] = fresh();
        kept[i] = false;
      }
      r = saved[i];
    } else if (count < MAX_ARRAYS) {
      outputs[count] = dy;
      r = saved[count++] = fresh();
    } else {
      r = scratch;
    }
    f.rate(t, y, theta, dy, r);
  }

  private int slot(double[] dy) {
    for (int i = 0; i < count; i++) {
      if (outputs[i] == dy) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The residuals of the last evaluation into {@code dy}, handed over to the caller (they are no
   * longer written; a first-same-as-last stage kept by two steps is one shared set), or null if
   * none were kept for {@code dy}.
   */
  double[][] keep(double[] dy) {
    int i = slot(dy);
    if (i < 0) {
      return null;
    }
    if (!kept[i]) {
      kept[i] = true;
      handedOver.add(saved[i]);
    }
    return saved[i];
  }
}
