package org.nde4j.solve.term;

import java.util.Objects;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.TensorFn;

/**
 * An ODE vector field {@code f(t, y, θ)} with a flat parameter vector {@code θ} and its
 * derivatives: vector–Jacobian products (for the adjoints of {@code org.nde4j.solve.adjoint}) and
 * Jacobian–vector products (for forward sensitivities and Newton). The state is a flat row-major
 * {@code double[]} of {@link #size()} values, {@code θ} a {@code double[]} of {@link #numParams()}
 * values (DESIGN.md §1.7: parameters are one flat vector).
 *
 * <p>The term itself is immutable and may be shared; every solve asks for its own {@link
 * Evaluator}, which owns the scratch arrays and is used by one thread.
 */
public interface DifferentiableTerm {
  /** Number of doubles in the state. */
  int size();

  /** Number of parameters ({@code 0} allowed). */
  int numParams();

  /** A new evaluator for one solve on the calling thread. */
  Evaluator evaluator();

  /**
   * The vector field with {@code θ} fixed, as a plain {@link Term} for any solver. The term reads
   * {@code theta} at every call (it does not copy it); its Jacobian is exact (from {@link
   * Evaluator#jacobian}).
   *
   * @throws IllegalArgumentException if {@code theta} does not have {@link #numParams()} values
   */
  default Term bind(double[] theta) {
    if (theta.length != numParams()) {
      throw new IllegalArgumentException("differentiable term: θ has " + theta.length
          + " values but the term has " + numParams() + " parameters");
    }
    return new BoundTerm(this, theta);
  }

  /**
   * Evaluates {@code f} and its derivatives; one thread. {@link #rate}, {@link #vjp} and {@link
   * #jvp} allocate nothing.
   */
  interface Evaluator {
    /** {@code dy = f(t, y, θ)}. */
    void rate(double t, double[] y, double[] theta, double[] dy);

    /**
     * Vector–Jacobian product at {@code (t, y, θ)}: writes {@code ay = aᵀ ∂f/∂y} and (when {@code
     * ap} is not null) {@code ap = aᵀ ∂f/∂θ}, overwriting both, and returns {@code aᵀ ∂f/∂t}.
     */
    double vjp(double t, double[] y, double[] theta, double[] a, double[] ay, double[] ap);

    /**
     * New arrays for the residuals of one evaluation: what {@link #rate(double, double[], double[],
     * double[], double[][])} keeps so that {@link #vjp(double, double[][], double[], double[],
     * double[], double[])} need not evaluate the field again. By default one copy of the state
     * {@code y} ({@code n} doubles, the VJP then recomputes the forward pass of {@code f});
     * compiled terms keep the intermediate values their backward pass reads (for an MLP, the
     * hidden activations and the activations' derivatives).
     *
     * @param n the state's size, {@link DifferentiableTerm#size()}
     */
    default double[][] residuals(int n) {
      return new double[][] {new double[n]};
    }

    /**
     * {@code dy = f(t, y, θ)} as {@link #rate(double, double[], double[], double[])}, also writing
     * into {@code residuals} (arrays from {@link #residuals(int)}) what {@link #vjp(double,
     * double[][], double[], double[], double[], double[])} needs at the same {@code (t, y, θ)}.
     * Counted as a rate evaluation.
     */
    default void rate(double t, double[] y, double[] theta, double[] dy, double[][] residuals) {
      rate(t, y, theta, dy);
      System.arraycopy(y, 0, residuals[0], 0, y.length);
    }

    /**
     * The vector–Jacobian product of {@link #vjp(double, double[], double[], double[], double[],
     * double[])} at the point whose {@code residuals} {@link #rate(double, double[], double[],
     * double[], double[][])} wrote (with the same {@code t} and {@code θ}), without evaluating the
     * field again. Counted as a VJP evaluation.
     */
    default double vjp(double t, double[][] residuals, double[] theta, double[] a, double[] ay,
        double[] ap) {
      return vjp(t, residuals[0], theta, a, ay, ap);
    }

    /**
     * Jacobian–vector product: {@code out = ∂f/∂t·vt + ∂f/∂y·vy + ∂f/∂θ·vp}; {@code vp == null}
     * means zero.
     */
    void jvp(double t, double[] y, double[] theta, double vt, double[] vy, double[] vp,
        double[] out);

    /**
     * The dense Jacobian {@code ∂f/∂y} (row-major, {@code n × n}); by default one {@link #jvp}
     * per column, with two scratch vectors allocated per call (compiled terms override it with an
     * allocation-free Jacobian plan).
     */
    default void jacobian(double t, double[] y, double[] theta, double[] out) {
      int n = y.length;
      double[] e = new double[n];
      double[] col = new double[n];
      for (int j = 0; j < n; j++) {
        e[j] = 1;
        jvp(t, y, theta, 0, e, null, col);
        e[j] = 0;
        for (int i = 0; i < n; i++) {
          out[i * n + j] = col[i];
        }
      }
    }

    /** Calls of {@link #rate} so far. */
    long rateEvaluations();

    /** Calls of {@link #vjp} so far. */
    long vjpEvaluations();
  }

  /**
   * A term from a tensor function {@code f(t, y, θ) → dy}, traced on {@code t} of shape {@code []},
   * {@code y} of shape {@code yShape} and {@code θ} of shape {@code [numParams]}, then compiled
   * (forward, VJP and JVP plans, each once per thread). Constants the function captures (data,
   * fixed matrices) become constants of the plans.
   *
   * @throws IllegalArgumentException if {@code numParams < 0}
   * @throws org.nde4j.tensor.ShapeException if the traced output does not have shape {@code
   *     yShape}
   */
  static DifferentiableTerm of(TensorFn f, Shape yShape, int numParams) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(yShape, "yShape");
    if (numParams < 0) {
      throw new IllegalArgumentException("differentiable term: numParams must be ≥ 0, got "
          + numParams);
    }
    return new CompiledDifferentiableTerm(f, yShape, numParams);
  }

  /** Convenience: {@link #of(TensorFn, Shape, int)} for a field of a state vector. */
  static DifferentiableTerm of(TensorFn f, int size, int numParams) {
    return of(f, Shape.of(size), numParams);
  }
}
