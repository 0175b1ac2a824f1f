package org.nde4j.solve.term;

import java.util.Arrays;
import java.util.Objects;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The stochastic differential equation {@code dy = f(t, y) dt + g(t, y) dW} (Itô or
 * Stratonovich) driven by a {@link BrownianMotion} {@code W} with {@code m} channels: the drift
 * term times the control {@code t} plus the diffusion term times the control {@code W}, as
 * DESIGN.md §1.4 reads every equation. Built by {@link #ito(int, BrownianMotion)} / {@link
 * #stratonovich(int, BrownianMotion)} (plain arrays) or {@link #ito(Shape, BrownianMotion)} /
 * {@link #stratonovich(Shape, BrownianMotion)} (tensor functions, traced once and compiled; the
 * diffusion's derivative then comes from forward-mode autodiff).
 *
 * <p>The diffusion's layout follows the {@link NoiseType}: {@code n} values for {@link
 * NoiseType#SCALAR} ({@code m = 1}), {@link NoiseType#DIAGONAL} ({@code m = n}) and diagonal
 * additive noise; an {@code n × m} row-major matrix for {@link NoiseType#GENERAL} and matrix
 * additive noise. Scalar, diagonal and additive noise are commutative; general noise is when
 * declared so ({@link Builder#commutative()}: {@code L^j g^k = L^k g^j}, the condition under which
 * Milstein-type methods reach strong order 1 without Lévy areas).
 *
 * <p>As a {@link Term}, {@link #rate} is the drift alone (what step-size heuristics probe);
 * deterministic solvers refuse SDE terms (the integrate loop checks). One thread: the term owns
 * scratch arrays, like the compiled fields of {@link OdeTerm}.
 */
public final class SdeTerm implements Term {
  private final SdeType type;
  private final NoiseType noise;
  private final boolean diagonalLayout;
  private final boolean commutative;
  private final int n;
  private final int m;
  private final VectorField drift;
  private final DiffusionField diffusion;
  /** The diffusion when it is known by its products only, else null. */
  private final DiffusionProduct product;
  private final DiffusionDerivative derivative;
  private final BrownianMotion brownian;
  private final double[] g;
  private final double[] dg;
  private final double[] column;

  private SdeTerm(SdeType type, NoiseType noise, boolean diagonalLayout, boolean commutative,
      int n, VectorField drift, DiffusionField diffusion, DiffusionDerivative derivative,
      BrownianMotion brownian) {
    this.type = type;
    this.noise = noise;
    this.diagonalLayout = diagonalLayout;
    this.commutative = commutative;
    this.n = n;
    this.m = brownian.dim();
    this.drift = drift;
    this.diffusion = diffusion;
    this.product = diffusion instanceof DiffusionProduct p ? p : null;
    this.derivative = derivative;
    this.brownian = brownian;
    int len = diffusionLength();
    this.g = new double[len];
    this.dg = new double[len];
    this.column = new double[n];
  }

  /** A builder of an Itô SDE on states of {@code size} doubles (plain-array fields). */
  public static Builder ito(int size, BrownianMotion brownian) {
    return new Builder(SdeType.ITO, size, null, brownian);
  }

  /** A builder of a Stratonovich SDE on states of {@code size} doubles (plain-array fields). */
  public static Builder stratonovich(int size, BrownianMotion brownian) {
    return new Builder(SdeType.STRATONOVICH, size, null, brownian);
  }

  /** A builder of an Itô SDE on states of shape {@code yShape} (tensor or plain fields). */
  public static Builder ito(Shape yShape, BrownianMotion brownian) {
    return new Builder(SdeType.ITO, yShape.size(), yShape, brownian);
  }

  /** A builder of a Stratonovich SDE on states of shape {@code yShape}. */
  public static Builder stratonovich(Shape yShape, BrownianMotion brownian) {
    return new Builder(SdeType.STRATONOVICH, yShape.size(), yShape, brownian);
  }

  /** Itô or Stratonovich. */
  public SdeType sdeType() {
    return type;
  }

  /** The noise structure. */
  public NoiseType noise() {
    return noise;
  }

  /**
   * Whether the noise is commutative: always for scalar, diagonal and additive noise; for general
   * noise as declared.
   */
  public boolean isCommutative() {
    return commutative;
  }

  /** The driving Brownian motion ({@link #noiseDim()} channels). */
  public BrownianMotion brownian() {
    return brownian;
  }

  /** Number of Brownian channels {@code m}. */
  public int noiseDim() {
    return m;
  }

  /**
   * Whether the diffusion is known by its products only ({@link Builder#diffusionProduct}): its
   * values are opaque records for {@link #addProduct}, not matrix entries.
   */
  public boolean isProductForm() {
    return product != null;
  }

  /**
   * Number of doubles the diffusion writes: {@code n} (vector layouts), {@code n·m} (matrix), or
   * the record length of a {@link DiffusionProduct}.
   */
  public int diffusionLength() {
    if (product != null) {
      return product.length();
    }
    return noise == NoiseType.SCALAR || diagonalLayout ? n : n * m;
  }

  /** Whether a derivative of the diffusion is available (for Milstein and type conversion). */
  public boolean hasDiffusionDerivative() {
    return derivative != null;
  }

  @Override
  public int size() {
    return n;
  }

  /** The drift: {@code dy = f(t, y)}. */
  @Override
  public void rate(double t, double[] y, double[] dy) {
    drift.evaluate(t, y, dy);
  }

  /** {@code f = f(t, y)}. */
  public void drift(double t, double[] y, double[] f) {
    drift.evaluate(t, y, f);
  }

  /** {@code out = g(t, y)} in this term's layout ({@link #diffusionLength()} values). */
  public void diffusion(double t, double[] y, double[] out) {
    diffusion.evaluate(t, y, out);
  }

  /**
   * {@code out += c · G w}: the diffusion values {@code gv} (from {@link #diffusion}) applied to
   * the {@code m}-vector {@code w} (an increment, a Lévy area, a combination), times {@code c}.
   */
  public void addProduct(double[] gv, double[] w, double c, double[] out) {
    if (product != null) {
      product.apply(gv, w, c, out);
    } else if (noise == NoiseType.SCALAR) {
      double s = c * w[0];
      for (int i = 0; i < n; i++) {
        out[i] += s * gv[i];
      }
    } else if (diagonalLayout) {
      for (int i = 0; i < n; i++) {
        out[i] += c * gv[i] * w[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        double s = 0;
        int row = i * m;
        for (int j = 0; j < m; j++) {
          s += gv[row + j] * w[j];
        }
        out[i] += c * s;
      }
    }
  }

  /**
   * {@code dgOut = Σ_l (∂g/∂y_l)(t, y) u_l}, in the diffusion's layout.
   *
   * @throws IllegalStateException if the term has no diffusion derivative
   */
  public void diffusionJvp(double t, double[] y, double[] u, double[] dgOut) {
    if (derivative == null) {
      throw new IllegalStateException("SDE term: the diffusion has no derivative; build the term"
          + " from a tensor diffusion or give diffusionDerivative(...)");
    }
    derivative.jvp(t, y, u, dgOut);
  }

  /**
   * {@code out = Σ_j (∂g^j/∂y) g^j} at {@code (t, y)}, with {@code g^j} the diffusion's column
   * {@code j} and {@code gv = g(t, y)} given: twice the Itô–Stratonovich drift correction and
   * the {@code h}-term of Itô–Milstein. Zero for additive noise; one derivative evaluation for
   * scalar and diagonal noise, {@code m} for a general matrix.
   *
   * @throws IllegalStateException if the noise is not additive and there is no derivative
   */
  public void selfDerivative(double t, double[] y, double[] gv, double[] out) {
    if (noise == NoiseType.ADDITIVE) {
      Arrays.fill(out, 0, n, 0);
      return;
    }
    if (noise == NoiseType.SCALAR || diagonalLayout) {
      diffusionJvp(t, y, gv, out);
      return;
    }
    Arrays.fill(out, 0, n, 0);
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < n; i++) {
        column[i] = gv[i * m + j];
      }
      diffusionJvp(t, y, column, dg);
      for (int i = 0; i < n; i++) {
        out[i] += dg[i * m + j];
      }
    }
  }

  /**
   * The same SDE written in Stratonovich form: drift {@code f − ½ Σ_j (∂g^j/∂y) g^j}, same
   * diffusion and Brownian motion. This term itself when it is Stratonovich already.
   *
   * @throws IllegalArgumentException if the noise is not additive and the diffusion has no
   *     derivative (the correction needs it)
   */
  public SdeTerm toStratonovich() {
    return type == SdeType.STRATONOVICH ? this : converted(SdeType.STRATONOVICH, -0.5);
  }

  /**
   * The same SDE written in Itô form: drift {@code f + ½ Σ_j (∂g^j/∂y) g^j}.
   *
   * @throws IllegalArgumentException if the noise is not additive and the diffusion has no
   *     derivative
   */
  public SdeTerm toIto() {
    return type == SdeType.ITO ? this : converted(SdeType.ITO, 0.5);
  }

  private SdeTerm converted(SdeType to, double sign) {
    if (noise != NoiseType.ADDITIVE && derivative == null) {
      throw new IllegalArgumentException("SDE term: converting " + type.label() + " to "
          + to.label() + " needs the diffusion's derivative (the drift correction is ½ Σ_j"
          + " (∂g^j/∂y) g^j); build the term from a tensor diffusion or give"
          + " diffusionDerivative(...)");
    }
    if (noise == NoiseType.ADDITIVE) {
      return new SdeTerm(to, noise, diagonalLayout, commutative, n, drift, diffusion, derivative,
          brownian);
    }
    double[] gv = new double[diffusionLength()];
    double[] c = new double[n];
    SdeTerm self = this;
    VectorField corrected = (t, y, f) -> {
      drift.evaluate(t, y, f);
      diffusion.evaluate(t, y, gv);
      self.selfDerivative(t, y, gv, c);
      for (int i = 0; i < n; i++) {
        f[i] += sign * c[i];
      }
    };
    return new SdeTerm(to, noise, diagonalLayout, commutative, n, corrected, diffusion,
        derivative, brownian);
  }

  /**
   * The same SDE driven by another Brownian motion with as many channels: the compiled drift and
   * diffusion are shared (so the two terms must be used on one thread), the scratch arrays are
   * new. The way to solve many paths of one SDE without tracing it again for each.
   *
   * @throws IllegalArgumentException if {@code other} has another number of channels
   */
  public SdeTerm withBrownian(BrownianMotion other) {
    if (other.dim() != m) {
      throw new IllegalArgumentException("SDE term: the new Brownian motion has " + other.dim()
          + " channel(s), this term is driven by " + m);
    }
    return new SdeTerm(type, noise, diagonalLayout, commutative, n, drift, diffusion, derivative,
        other);
  }

  /** {@code "Itô SDE with diagonal noise (4 states, 4 channels)"}. */
  public String describe() {
    return type.label() + " SDE with " + (commutative && noise == NoiseType.GENERAL
        ? "commutative " : "") + noise.label() + " noise (" + n + " states, " + m + " channel"
        + (m == 1 ? "" : "s") + ")";
  }

  @Override
  public String toString() {
    return "SdeTerm(" + describe() + ")";
  }

  /**
   * Collects the drift, the diffusion with its noise structure, and optionally the diffusion's
   * derivative and the commutativity of general noise; {@link #build()} checks that the pieces
   * fit. Tensor functions take {@code (t, y, args...)} with {@code t} a scalar and {@code y} of
   * the builder's state shape.
   */
  public static final class Builder {
    private final SdeType type;
    private final int n;
    private final Shape yShape;
    private final BrownianMotion brownian;
    private Tensor[] args = new Tensor[0];
    private VectorField drift;
    private TensorFn driftFn;
    private NoiseType noise;
    private boolean diagonalAdditive;
    private DiffusionField diffusion;
    private TensorFn diffusionFn;
    private DiffusionDerivative derivative;
    private boolean commutative;

    private Builder(SdeType type, int n, Shape yShape, BrownianMotion brownian) {
      if (n < 1) {
        throw new IllegalArgumentException("SDE term: state size must be ≥ 1, got " + n);
      }
      this.type = type;
      this.n = n;
      this.yShape = yShape;
      this.brownian = Objects.requireNonNull(brownian, "brownian");
    }

    /** Constant tensors passed to the tensor functions after {@code (t, y)}. */
    public Builder args(Tensor... a) {
      this.args = a.clone();
      return this;
    }

    /** The drift on plain arrays. */
    public Builder drift(VectorField f) {
      this.drift = Objects.requireNonNull(f, "drift");
      return this;
    }

    /** The drift as a tensor function returning the state's shape (traced and compiled). */
    public Builder drift(TensorFn f) {
      this.driftFn = Objects.requireNonNull(f, "drift");
      return this;
    }

    /** The diffusion on plain arrays, laid out as {@code noise} says ({@link NoiseType}). */
    public Builder diffusion(NoiseType noise, DiffusionField g) {
      this.noise = Objects.requireNonNull(noise, "noise");
      this.diffusion = Objects.requireNonNull(g, "diffusion");
      this.diagonalAdditive = false;
      return this;
    }

    /** Additive noise with one channel per state: {@code g(t)} writes {@code n} values. */
    public Builder additiveDiagonal(DiffusionField g) {
      diffusion(NoiseType.ADDITIVE, g);
      this.diagonalAdditive = true;
      return this;
    }

    /**
     * The diffusion as a tensor function (traced and compiled; its derivative by forward-mode
     * autodiff). Output shape: the state's shape for scalar, diagonal and diagonal-additive
     * noise; state shape {@code ++ [m]} for general and matrix-additive noise.
     */
    public Builder diffusion(NoiseType noise, TensorFn g) {
      this.noise = Objects.requireNonNull(noise, "noise");
      this.diffusionFn = Objects.requireNonNull(g, "diffusion");
      return this;
    }

    /**
     * General noise given by its products {@code G(t, y) w} ({@link DiffusionProduct}): for
     * diffusions whose {@code n × m} matrix is too large to form. The term has no diffusion
     * derivative, so Milstein methods and Itô–Stratonovich conversion refuse it.
     */
    public Builder diffusionProduct(DiffusionProduct g) {
      diffusion(NoiseType.GENERAL, g);
      return this;
    }

    /** The diffusion's derivative for a plain-array diffusion ({@link DiffusionDerivative}). */
    public Builder diffusionDerivative(DiffusionDerivative d) {
      this.derivative = Objects.requireNonNull(d, "derivative");
      return this;
    }

    /** Declares general noise commutative ({@code L^j g^k = L^k g^j} for all channels). */
    public Builder commutative() {
      this.commutative = true;
      return this;
    }

    /**
     * The term.
     *
     * @throws IllegalArgumentException (a {@link ShapeException} for tensor shapes) if the drift
     *     or diffusion is missing, a tensor function is given without a state shape, the
     *     Brownian motion's channel count does not fit the noise type, or a traced function's
     *     output shape is not the expected one (the message says which shape was expected), or
     *     a {@link DiffusionProduct} is declared with another noise type than general or with a
     *     derivative
     */
    public SdeTerm build() {
      if (drift == null && driftFn == null) {
        throw new IllegalArgumentException("SDE term: no drift given (drift(...))");
      }
      if (noise == null) {
        throw new IllegalArgumentException("SDE term: no diffusion given (diffusion(noise, g))");
      }
      if ((driftFn != null || diffusionFn != null) && yShape == null) {
        throw new IllegalArgumentException("SDE term: tensor functions need the state's shape;"
            + " start from SdeTerm.ito(Shape, bm) or stratonovich(Shape, bm)");
      }
      if (diffusionFn == null && diffusion instanceof DiffusionProduct
          && (noise != NoiseType.GENERAL || derivative != null)) {
        throw new IllegalArgumentException("SDE term: a diffusion given by its products"
            + " (DiffusionProduct) is general noise without a derivative; declare it with"
            + " diffusionProduct(g), without diffusionDerivative(...)");
      }
      int m = brownian.dim();
      checkChannels(m);
      VectorField f = drift != null ? drift : OdeTerm.of(driftFn, yShape, args).field();
      DiffusionField g = diffusion;
      DiffusionDerivative d = derivative;
      boolean diagonal = noise == NoiseType.DIAGONAL || diagonalAdditive;
      if (diffusionFn != null) {
        TracedDiffusion traced = new TracedDiffusion(diffusionFn, yShape, args);
        diagonal = noise == NoiseType.DIAGONAL
            || (noise == NoiseType.ADDITIVE && traced.outputShapes().length == 1
                && traced.outputShapes()[0].equals(yShape) && m == n);
        checkTracedShape(traced.outputShapes(), diagonal, m);
        g = traced;
        d = traced;
      }
      boolean comm = noise != NoiseType.GENERAL || commutative;
      return new SdeTerm(type, noise, diagonal, comm, n, f, g, d, brownian);
    }

    private void checkChannels(int m) {
      String expected = switch (noise) {
        case SCALAR -> m == 1 ? null : "1 channel (scalar noise)";
        case DIAGONAL -> m == n ? null : n + " channels (diagonal noise: one per state)";
        case ADDITIVE -> diagonalAdditive && m != n
            ? n + " channels (diagonal additive noise: one per state)" : null;
        case GENERAL -> null;
      };
      if (expected != null) {
        throw new IllegalArgumentException("SDE term: the Brownian motion has " + m
            + " channel(s) but " + type.label() + " SDE with " + noise.label() + " noise on "
            + n + " states needs " + expected);
      }
    }

    private void checkTracedShape(Shape[] out, boolean diagonal, int m) {
      Shape expected;
      if (noise == NoiseType.SCALAR || diagonal) {
        expected = yShape;
      } else {
        int[] dims = Arrays.copyOf(yShape.dims(), yShape.rank() + 1);
        dims[yShape.rank()] = m;
        expected = Shape.of(dims);
      }
      if (out.length != 1 || !out[0].equals(expected)) {
        StringBuilder got = new StringBuilder();
        for (Shape s : out) {
          got.append(got.length() == 0 ? "" : ", ").append(s);
        }
        throw new ShapeException("SDE term: a " + noise.label() + " diffusion must return one"
            + " tensor of shape " + expected + (expected.equals(yShape) ? " (the state's shape)"
            : " (state shape + " + m + " Brownian channels)") + ", got " + got);
      }
    }
  }

  /** Whether the Brownian motion provides space-time Lévy areas. */
  public boolean hasSpaceTimeArea() {
    return brownian.levyArea() == LevyArea.SPACE_TIME;
  }
}
