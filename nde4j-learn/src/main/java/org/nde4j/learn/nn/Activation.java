package org.nde4j.learn.nn;

import java.util.Locale;
import org.nde4j.tensor.Tensor;

/** Elementwise activation functions, each a core op (so they trace, compile and differentiate). */
public enum Activation {
  IDENTITY {
    @Override
    public Tensor apply(Tensor x) {
      return x;
    }
  },
  TANH {
    @Override
    public Tensor apply(Tensor x) {
      return x.tanh();
    }
  },
  RELU {
    @Override
    public Tensor apply(Tensor x) {
      return x.relu();
    }
  },
  /** {@code log(1 + eˣ)}. */
  SOFTPLUS {
    @Override
    public Tensor apply(Tensor x) {
      return x.softplus();
    }
  },
  /** GELU, tanh approximation (Hendrycks &amp; Gimpel 2016, arXiv:1606.08415). */
  GELU {
    @Override
    public Tensor apply(Tensor x) {
      return x.gelu();
    }
  },
  SIGMOID {
    @Override
    public Tensor apply(Tensor x) {
      return x.sigmoid();
    }
  };

  /** The activation applied elementwise to {@code x}. */
  public abstract Tensor apply(Tensor x);

  /**
   * The activation of this name, case-insensitive ({@code "tanh"}, {@code "relu"}, {@code
   * "softplus"}, {@code "gelu"}, {@code "sigmoid"}, {@code "identity"}).
   *
   * @throws IllegalArgumentException naming the input and listing the known names
   */
  public static Activation parse(String name) {
    for (Activation a : values()) {
      if (a.name().equalsIgnoreCase(name.trim())) {
        return a;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Activation a : values()) {
      known.append(known.length() == 0 ? "" : " ").append(a.name().toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException("unknown activation '" + name + "' (known: " + known + ")");
  }
}
