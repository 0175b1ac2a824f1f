package org.nde4j.solve.term;

/**
 * One term of a differential equation {@code dy = Σ f_i(t, y) dX_i(t)}: a vector field times a
 * control (Kidger, <i>On Neural Differential Equations</i>, 2021, §5; Diffrax's term abstraction).
 * For an ODE the control is {@code t} itself; for a CDE it is a data {@link Path}; for an SDE a
 * Brownian motion. Deterministic solvers see a term through its {@link #rate}: the vector field
 * times the control's time derivative, {@code f(t, y) · dX/dt(t)}.
 *
 * <p>The state is a flat row-major {@code double[]} of {@link #size()} values (any leading batch
 * axes included). Implementations must be safe to call with the same arrays repeatedly and must not
 * allocate in {@link #rate}.
 */
public interface Term {
  /** Number of doubles in the state this term acts on. */
  int size();

  /** Writes {@code dy = f(t, y) · dX/dt(t)}; {@code y} and {@code dy} have {@link #size()} values. */
  void rate(double t, double[] y, double[] dy);

  /**
   * A new evaluator of {@code ∂rate/∂y} for one solve: by default forward differences of
   * {@link #rate}; terms built from tensor functions override it with an autodiff Jacobian.
   */
  default Jacobian jacobian() {
    return new FiniteDifferenceJacobian(this);
  }

  /**
   * A new evaluator of Jacobian-vector products {@code (∂rate/∂y) v} for one solve (matrix-free
   * Newton–Krylov): by default finite differences of {@link #rate}.
   */
  default JacobianVectorProduct jvp() {
    return new FiniteDifferenceJvp(this);
  }
}
