package org.nde4j.solve.adjoint;

import java.util.Objects;
import org.nde4j.solve.event.EventFunction;
import org.nde4j.tensor.TensorFn;

/**
 * The condition {@code g(t, y) = 0} of a terminal event in a {@link GradientSolve}, with the
 * gradient the event's sensitivities need: by the implicit-function theorem the event time
 * {@code t*} moves by {@code dt* = −(∂g/∂y · dy)/(∂g/∂t + ∂g/∂y · f)} when the trajectory moves by
 * {@code dy} at fixed time.
 *
 * <p>Two ways to give one: {@link #of(TensorFn, int)} traces a tensor function once and takes its
 * gradient by reverse-mode autodiff (compiled plans, one set per thread); {@link
 * #of(EventFunction, Gradient)} pairs a plain function with a hand-written gradient. Either must
 * be safe to call from the thread that runs the solve and must not modify {@code y}.
 */
public interface DifferentiableEvent {
  /** {@code g(t, y)}; {@code y} has the state's size. */
  double value(double t, double[] y);

  /** Writes {@code ∂g/∂y} into {@code gy} (the state's size) and returns {@code ∂g/∂t}. */
  double gradient(double t, double[] y, double[] gy);

  /** A hand-written gradient of an event function: {@link DifferentiableEvent#gradient}. */
  @FunctionalInterface
  interface Gradient {
    double gradient(double t, double[] y, double[] gy);
  }

  /**
   * An event from a tensor function {@code g(t, y)} ({@code t} of shape {@code []}, {@code y} of
   * shape {@code [n]}) returning one tensor with a single element; traced once, its value and
   * gradient compiled per thread.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws org.nde4j.tensor.ShapeException if {@code g} does not return exactly one one-element
   *     tensor
   */
  static DifferentiableEvent of(TensorFn g, int n) {
    Objects.requireNonNull(g, "g");
    if (n < 1) {
      throw new IllegalArgumentException("differentiable event: the state size must be ≥ 1, got "
          + n);
    }
    return new TracedEvent(g, n);
  }

  /** An event from a plain function and its hand-written gradient (not checked). */
  static DifferentiableEvent of(EventFunction g, Gradient gradient) {
    Objects.requireNonNull(g, "g");
    Objects.requireNonNull(gradient, "gradient");
    return new DifferentiableEvent() {
      @Override
      public double value(double t, double[] y) {
        return g.value(t, y);
      }

      @Override
      public double gradient(double t, double[] y, double[] gy) {
        return gradient.gradient(t, y, gy);
      }
    };
  }
}
