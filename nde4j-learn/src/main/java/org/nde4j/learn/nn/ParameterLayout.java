package org.nde4j.learn.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * The layout of a flat parameter vector: an ordered list of named, shaped, contiguous, non
 * overlapping {@link ParameterView}s that together cover {@code [0, size())} (DESIGN.md §1.7).
 * Optimisers, checkpoints and gradients all use this one layout: the gradient of a loss with
 * respect to {@code θ} is a flat {@code double[]} whose view {@code v} holds {@code ∂L/∂v}.
 *
 * <p>Composite modules nest the layouts of their parts under a prefix ({@code "0.weight"},
 * {@code "1.bias"}, …), as PyTorch's {@code state_dict} names them. Immutable.
 */
public final class ParameterLayout {
  private final List<ParameterView> views;
  private final Map<String, ParameterView> byName;
  private final int size;

  private ParameterLayout(List<ParameterView> views, Map<String, ParameterView> byName, int size) {
    this.views = views;
    this.byName = byName;
    this.size = size;
  }

  /** A builder that appends views in order. */
  public static Builder builder() {
    return new Builder();
  }

  /** The views in flat-vector order. */
  public List<ParameterView> views() {
    return views;
  }

  /** Total number of parameters (the flat vector's length). */
  public int size() {
    return size;
  }

  /** Whether a view of this name exists. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /**
   * The view of this name.
   *
   * @throws IllegalArgumentException naming the parameter and listing the known names if there is
   *     none
   */
  public ParameterView view(String name) {
    ParameterView v = byName.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unknown parameter '" + name + "' (known: "
          + String.join(" ", byName.keySet()) + ")");
    }
    return v;
  }

  /** Each view of {@code flat} as a separate concrete tensor (copies), in layout order. */
  public Map<String, Tensor> unflatten(double[] flat) {
    checkLength(flat, "flat");
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (ParameterView v : views) {
      out.put(v.name(), v.read(flat));
    }
    return out;
  }

  /**
   * The flat vector holding the given tensors at their views.
   *
   * @throws IllegalArgumentException naming the parameter if one is missing, unknown or of the
   *     wrong shape
   */
  public double[] flatten(Map<String, Tensor> tensors) {
    for (String name : tensors.keySet()) {
      view(name);
    }
    double[] flat = new double[size];
    for (ParameterView v : views) {
      Tensor t = tensors.get(v.name());
      if (t == null) {
        throw new IllegalArgumentException("missing parameter '" + v.name() + "' of shape "
            + v.shape());
      }
      v.write(t, flat);
    }
    return flat;
  }

  /**
   * Checks that {@code flat} has {@link #size()} values.
   *
   * @throws IllegalArgumentException naming {@code what} otherwise
   */
  public void checkLength(double[] flat, String what) {
    if (flat.length != size) {
      throw new IllegalArgumentException(what + " has " + flat.length
          + " values but the parameter layout has " + size);
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ParameterLayout[" + size + "]{");
    for (int i = 0; i < views.size(); i++) {
      ParameterView v = views.get(i);
      b.append(i == 0 ? "" : ", ").append(v.name()).append(v.shape());
    }
    return b.append('}').toString();
  }

  /** Appends views one after another; names must be unique. */
  public static final class Builder {
    private final List<ParameterView> views = new ArrayList<>();
    private final Map<String, ParameterView> byName = new LinkedHashMap<>();
    private int size;

    private Builder() {}

    /**
     * Appends a parameter of the given shape and returns its offset.
     *
     * @throws IllegalArgumentException if the name is empty or already used
     */
    public int add(String name, Shape shape) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("parameter name must not be empty");
      }
      if (byName.containsKey(name)) {
        throw new IllegalArgumentException("duplicate parameter name '" + name + "'");
      }
      ParameterView v = new ParameterView(name, shape, size);
      views.add(v);
      byName.put(name, v);
      size = Math.addExact(size, shape.size());
      return v.offset();
    }

    /** Appends a parameter with the given extents; returns its offset. */
    public int add(String name, int... dims) {
      return add(name, Shape.of(dims));
    }

    /**
     * Appends all views of {@code child}, renamed {@code prefix + "." + name}, and returns the
     * offset of the child's first element (the child's flat vector is then {@code θ[offset,
     * offset + child.size())}).
     */
    public int add(String prefix, ParameterLayout child) {
      int base = size;
      for (ParameterView v : child.views) {
        add(prefix + "." + v.name(), v.shape());
      }
      return base;
    }

    public ParameterLayout build() {
      return new ParameterLayout(List.copyOf(views),
          Collections.unmodifiableMap(new LinkedHashMap<>(byName)), size);
    }
  }
}
