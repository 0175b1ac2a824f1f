package org.nde4j.learn.nn;

import org.nde4j.random.Key;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * A network layer or composition of layers: named, shaped views into one flat parameter vector
 * ({@link #layout()}) and a pure forward function of core tensor ops ({@link #forward}), so the
 * same module runs eagerly, records on the autodiff tape, and traces into compiled plans
 * (DESIGN.md §1.1, §1.7, §5). A module holds no parameter values: they live in a flat {@code θ}
 * (a {@code double[]}, a {@link ParameterSet}, or a {@code Tensor} of shape {@code [numParams]}),
 * and the gradient of anything computed by {@link #apply} with respect to {@code θ} is one flat
 * array in the same layout.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Module {

  /** The named views of this module's parameters; {@code θ} has {@code layout().size()} values. */
  ParameterLayout layout();

  /** Number of tensor inputs {@link #forward} takes (1 for most layers, 2 for a GRU cell). */
  int arity();

  /**
   * The forward function: the output for {@code inputs} with parameters {@code p} (whose names
   * are those of {@link #layout()}). Pure: the result depends only on the arguments.
   *
   * @throws org.nde4j.tensor.ShapeException naming the layer if an input has the wrong shape
   */
  Tensor forward(Parameters p, Tensor... inputs);

  /**
   * Writes initial values of this module's parameters to {@code theta[offset, offset +
   * numParams())}, deterministically from {@code key}.
   */
  void initialize(Key key, double[] theta, int offset);

  /** Number of parameters. */
  default int numParams() {
    return layout().size();
  }

  /**
   * The output for {@code inputs} with the flat parameter tensor {@code theta} of shape {@code
   * [numParams()]}: the bridge from a flat {@code θ} (for instance the {@code θ} input of a
   * {@link DifferentiableTerm}, or an eager leaf that {@code requiresGrad}) to the named views.
   *
   * @throws org.nde4j.tensor.ShapeException naming θ if it has the wrong shape
   * @throws IllegalArgumentException if the number of inputs is not {@link #arity()}
   */
  default Tensor apply(Tensor theta, Tensor... inputs) {
    if (inputs.length != arity()) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " takes " + arity()
          + " input(s), got " + inputs.length);
    }
    return forward(Parameters.of(layout(), theta), inputs);
  }

  /** Fresh parameters initialised from {@code key}. */
  default ParameterSet init(Key key) {
    double[] theta = new double[numParams()];
    initialize(key, theta, 0);
    return ParameterSet.wrap(layout(), theta);
  }

  /**
   * The vector field {@code f(t, y, θ) = module(y)} with {@code θ} this module's flat parameter
   * vector, as a compiled {@link DifferentiableTerm} for the solvers and adjoints of {@code
   * nde4j-solve}.
   *
   * @throws IllegalArgumentException if the module does not take exactly one input
   * @throws org.nde4j.tensor.ShapeException if the output does not have shape {@code yShape}
   */
  default DifferentiableTerm term(Shape yShape) {
    if (arity() != 1) {
      throw new IllegalArgumentException("a vector field needs a module of one input, "
          + getClass().getSimpleName() + " takes " + arity());
    }
    return DifferentiableTerm.of(in -> new Tensor[] {apply(in[2], in[1])}, yShape, numParams());
  }
}
