package org.nde4j.learn.nn;

import java.util.Objects;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * A flat parameter tensor {@code θ} seen through a {@link ParameterLayout}: {@link #get(String)}
 * gives each named view as a tensor (a slice of {@code θ}), so a forward function written against
 * it traces, compiles and differentiates with respect to the one flat {@code θ}. A {@link
 * #scope(String) scope} resolves names below a prefix, which is how a composite module hands its
 * parts their parameters. Immutable; cheap to create.
 */
public final class Parameters {
  private final ParameterLayout layout;
  private final Tensor theta;
  private final String prefix;

  private Parameters(ParameterLayout layout, Tensor theta, String prefix) {
    this.layout = layout;
    this.theta = theta;
    this.prefix = prefix;
  }

  /**
   * {@code θ} (concrete, recorded or symbolic) laid out by {@code layout}.
   *
   * @throws ShapeException naming θ unless it has shape {@code [layout.size()]}
   */
  public static Parameters of(ParameterLayout layout, Tensor theta) {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(theta, "theta");
    if (theta.rank() != 1 || theta.size() != layout.size()) {
      throw new ShapeException("θ must have shape [" + layout.size() + "] for " + layout
          + ", got " + theta.shape());
    }
    return new Parameters(layout, theta, "");
  }

  /** The flat parameter tensor. */
  public Tensor theta() {
    return theta;
  }

  /**
   * The view {@code name} (below this scope's prefix) as a tensor of its shape.
   *
   * @throws IllegalArgumentException naming the parameter if the layout has no such view
   */
  public Tensor get(String name) {
    return layout.view(prefix + name).of(theta);
  }

  /** The parameters below {@code prefix}: {@code scope("0").get("weight")} is {@code "0.weight"}. */
  public Parameters scope(String prefix) {
    return new Parameters(layout, theta, this.prefix + prefix + ".");
  }
}
