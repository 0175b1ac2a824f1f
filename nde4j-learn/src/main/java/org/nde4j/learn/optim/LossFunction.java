package org.nde4j.learn.optim;

import java.util.Objects;
import org.nde4j.compile.Graph;
import org.nde4j.compile.Plan;
import org.nde4j.compile.Transforms;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.TensorFn;

/**
 * A loss and its gradient at a point, for {@link Lbfgs}: {@code L(θ)} and {@code ∇L(θ)} over the
 * flat parameter vector. Must be deterministic (the same θ gives the same values) for resumed
 * runs to be bit-identical.
 */
@FunctionalInterface
public interface LossFunction {

  /**
   * Returns {@code L(theta)} and writes {@code ∇L(theta)} to {@code grad} (same length; must not
   * modify {@code theta} or keep either array). A non-finite loss tells the line search the point
   * is unusable.
   */
  double evaluate(double[] theta, double[] grad);

  /**
   * The loss {@code loss(θ)} (a tensor function of one input of shape {@code [numParams]} with
   * one one-element output, e.g. {@code in -> new Tensor[] {net.apply(in[0], x).sub(y).square()
   * .mean()}}) traced once and compiled together with its gradient ({@link
   * Transforms#valueAndGrad}); each evaluation runs the plan without allocating. The returned
   * function owns the plan's buffers: use it from one thread.
   *
   * @throws org.nde4j.tensor.ShapeException if the loss does not have one one-element output
   */
  static LossFunction compile(TensorFn loss, int numParams) {
    Objects.requireNonNull(loss, "loss");
    Plan plan = Transforms.valueAndGrad(Graph.trace(loss, Shape.of(numParams))).compile();
    double[][] in = new double[1][];
    double[][] out = {new double[1], null};
    return (theta, grad) -> {
      in[0] = theta;
      out[1] = grad;
      plan.run(in, out);
      return out[0][0];
    };
  }
}
