package org.nde4j.learn.nn;

import java.util.Objects;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * One named, shaped parameter inside a flat parameter vector: elements {@code [offset, offset +
 * shape.size())} of {@code θ}, read row-major as a tensor of {@code shape} (DESIGN.md §1.7).
 *
 * @param name the parameter's full name, e.g. {@code "0.weight"}
 * @param shape its extents
 * @param offset index of its first element in the flat vector, {@code >= 0}
 */
public record ParameterView(String name, Shape shape, int offset) {
  public ParameterView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    if (offset < 0) {
      throw new IllegalArgumentException("parameter '" + name + "': offset must be >= 0, got "
          + offset);
    }
  }

  /** Number of elements. */
  public int size() {
    return shape.size();
  }

  /** One past the last element's index in the flat vector. */
  public int end() {
    return offset + shape.size();
  }

  /**
   * This view of a flat {@code θ} of shape {@code [n]} as a tensor of {@link #shape()}: a slice
   * and a reshape, so it works on concrete, recorded (eager autodiff) and symbolic (traced)
   * tensors alike, and gradients flow back into {@code θ} at this view's positions.
   */
  public Tensor of(Tensor theta) {
    return theta.slice(0, offset, end()).reshape(shape);
  }

  /** A copy of this view's elements of {@code flat} as a concrete tensor. */
  public Tensor read(double[] flat) {
    double[] d = new double[size()];
    System.arraycopy(flat, offset, d, 0, d.length);
    return Tensor.wrap(d, shape);
  }

  /**
   * Writes {@code value} into this view's elements of {@code flat}.
   *
   * @throws IllegalArgumentException naming the parameter if {@code value}'s shape differs
   */
  public void write(Tensor value, double[] flat) {
    if (!value.shape().equals(shape)) {
      throw new IllegalArgumentException("parameter '" + name + "': expected shape " + shape
          + ", got " + value.shape());
    }
    value.copyTo(flat, offset);
  }
}
