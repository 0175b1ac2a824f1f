package org.nde4j.learn.nn;

import java.util.Map;
import java.util.Objects;
import org.nde4j.tensor.Tensor;

/**
 * Parameter values: one contiguous {@code double[]} with the named, shaped views of a {@link
 * ParameterLayout} (DESIGN.md §1.7). Optimisers update {@link #values()} in place; {@link
 * #get(String)} and {@link #tensor()} give tensors for eager use and tracing; gradients come back
 * as one flat {@code double[]} in the same layout ({@link #gradient(double[], String)} reads a
 * view of one).
 *
 * <p>Mutable (the values); not thread-safe for writes.
 */
public final class ParameterSet {
  private final ParameterLayout layout;
  private final double[] values;

  private ParameterSet(ParameterLayout layout, double[] values) {
    this.layout = layout;
    this.values = values;
  }

  /** Zeros in {@code layout}. */
  public static ParameterSet zeros(ParameterLayout layout) {
    return new ParameterSet(layout, new double[layout.size()]);
  }

  /**
   * {@code values} (not copied) laid out by {@code layout}.
   *
   * @throws IllegalArgumentException if the length differs from {@code layout.size()}
   */
  public static ParameterSet wrap(ParameterLayout layout, double[] values) {
    Objects.requireNonNull(layout, "layout");
    layout.checkLength(values, "values");
    return new ParameterSet(layout, values);
  }

  /**
   * The values of the named tensors, which must be exactly the layout's views.
   *
   * @throws IllegalArgumentException naming the parameter if one is missing, unknown or of the
   *     wrong shape
   */
  public static ParameterSet of(ParameterLayout layout, Map<String, Tensor> tensors) {
    return new ParameterSet(layout, layout.flatten(tensors));
  }

  public ParameterLayout layout() {
    return layout;
  }

  /** The flat vector itself (live: writes change this set). */
  public double[] values() {
    return values;
  }

  /** Number of parameters. */
  public int size() {
    return values.length;
  }

  /** A copy of the flat vector as a tensor of shape {@code [size()]}. */
  public Tensor tensor() {
    return Tensor.vector(values);
  }

  /** A copy of view {@code name} as a tensor of its shape. */
  public Tensor get(String name) {
    return layout.view(name).read(values);
  }

  /** Overwrites view {@code name} with {@code value} (same shape). */
  public void set(String name, Tensor value) {
    layout.view(name).write(value, values);
  }

  /** All views as separate tensors (copies), in layout order. */
  public Map<String, Tensor> toMap() {
    return layout.unflatten(values);
  }

  /**
   * View {@code name} of a flat gradient in this layout (e.g. {@code theta.grad().toArray()}).
   *
   * @throws IllegalArgumentException if {@code flatGradient} has the wrong length or the name is
   *     unknown
   */
  public Tensor gradient(double[] flatGradient, String name) {
    layout.checkLength(flatGradient, "gradient");
    return layout.view(name).read(flatGradient);
  }

  /** An independent copy. */
  public ParameterSet copy() {
    return new ParameterSet(layout, values.clone());
  }
}
