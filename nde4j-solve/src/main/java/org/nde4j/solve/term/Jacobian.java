package org.nde4j.solve.term;

/**
 * Evaluates the Jacobian {@code ∂(dy/dt)/∂y} of a term's rate, row-major {@code n × n}
 * ({@code J[i·n + j] = ∂f_i/∂y_j}), for implicit and Rosenbrock methods. One instance per solve
 * (it owns scratch arrays); allocation-free after construction.
 */
public interface Jacobian {
  /** Writes {@code J(t, y)} into {@code out}. */
  void evaluate(double t, double[] y, double[] out);

  /** Right-hand-side evaluations spent (finite differences); 0 for autodiff Jacobians. */
  long rateEvaluations();

  /** Jacobian evaluations so far. */
  long evaluations();
}
