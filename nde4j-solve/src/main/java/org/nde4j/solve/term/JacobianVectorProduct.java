package org.nde4j.solve.term;

/**
 * Directional derivatives {@code J(t, y) v} of a term's rate without forming {@code J}, for
 * matrix-free (Newton–Krylov) solves of large implicit systems. One instance per solve; allocation
 * free after construction.
 */
public interface JacobianVectorProduct {
  /** Writes {@code J(t, y) v} into {@code out}. */
  void apply(double t, double[] y, double[] v, double[] out);

  /** Right-hand-side evaluations spent (finite differences); 0 for autodiff. */
  long rateEvaluations();
}
