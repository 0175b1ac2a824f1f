package org.nde4j.solve.term;

import java.util.Objects;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The SDE {@code dy = f(t, y, θ) dt + g(t, y, θ) dW} (Itô or Stratonovich) with a flat parameter
 * vector {@code θ} (DESIGN.md §1.7), for gradients through SDE solves ({@code
 * org.nde4j.solve.adjoint.GradientSolve#of(DifferentiableSdeTerm, BrownianMotion,
 * org.nde4j.solve.solver.sde.SdeSolver, double, double, double[], double[])}). The drift and the
 * diffusion are each a {@link DifferentiableTerm} (traced once, compiled forward / VJP / JVP
 * plans per thread) over the same {@code θ}: a parameter one of them does not read has a zero
 * derivative there.
 *
 * <p>Noise: {@link NoiseType#DIAGONAL} ({@code m = n} channels, {@code g} returns the {@code n}
 * diagonal entries, each depending on its own state only) or {@link NoiseType#SCALAR} (one
 * channel, {@code g} returns an {@code n}-vector) or {@link NoiseType#ADDITIVE} with one channel
 * per state ({@code g(t, θ)} returns the {@code n} diagonal entries and must not read {@code y}:
 * the additive-noise methods SRA1, ShARK and SEA evaluate it once per step end); in all three
 * the diffusion has the state's shape. General (matrix) noise is not offered here: its diffusion
 * has another shape, and the adjoints' step VJPs are written for the vector layouts.
 *
 * <p>Immutable; {@link #bind} gives the plain {@link SdeTerm} the forward solvers step (its
 * diffusion derivative, for Milstein and Itô–Stratonovich conversion, is the diffusion's
 * compiled JVP).
 */
public final class DifferentiableSdeTerm {
  private final SdeType type;
  private final NoiseType noise;
  private final DifferentiableTerm drift;
  private final DifferentiableTerm diffusion;
  private final TensorFn driftFn;
  private final TensorFn diffusionFn;
  private final Shape yShape;
  /** {@link #toStratonovich()} of an Itô term, built once (a benign race at worst builds two). */
  private DifferentiableSdeTerm stratonovich;

  private DifferentiableSdeTerm(SdeType type, NoiseType noise, TensorFn driftFn,
      TensorFn diffusionFn, Shape yShape, int numParams) {
    this.type = type;
    this.noise = noise;
    this.driftFn = driftFn;
    this.diffusionFn = diffusionFn;
    this.yShape = yShape;
    this.drift = DifferentiableTerm.of(driftFn, yShape, numParams);
    this.diffusion = DifferentiableTerm.of(diffusionFn, yShape, numParams);
  }

  /**
   * A term from tensor functions {@code f(t, y, θ)} and {@code g(t, y, θ)} that share one
   * parameter vector of {@code numParams} values: both are traced on {@code t} of shape {@code
   * []}, {@code y} of shape {@code yShape} and {@code θ} of shape {@code [numParams]}, and must
   * return a tensor of shape {@code yShape}.
   *
   * @throws IllegalArgumentException if the noise is general, or {@code numParams
   *     < 0}
   * @throws ShapeException if a traced output does not have the state's shape
   */
  public static DifferentiableSdeTerm of(SdeType type, NoiseType noise, TensorFn drift,
      TensorFn diffusion, Shape yShape, int numParams) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(noise, "noise");
    if (noise == NoiseType.GENERAL) {
      throw new IllegalArgumentException("differentiable SDE term: " + noise.label() + " noise is"
          + " not supported; use diagonal noise (g returns the n diagonal entries), scalar"
          + " noise (one channel, g returns an n-vector) or additive noise (g(t, θ) returns the"
          + " n diagonal entries)");
    }
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(diffusion, "diffusion");
    return new DifferentiableSdeTerm(type, noise, drift, diffusion, yShape, numParams);
  }

  /**
   * A term whose drift and diffusion have separate parameter blocks, {@code θ = [θ_f, θ_g]}:
   * {@code drift} receives {@code θ_f} ({@code driftParams} values) and {@code diffusion}
   * {@code θ_g} ({@code diffusionParams} values) as their third input.
   *
   * @throws IllegalArgumentException as {@link #of(SdeType, NoiseType, TensorFn, TensorFn, Shape,
   *     int)}, or if a block size is negative
   */
  public static DifferentiableSdeTerm of(SdeType type, NoiseType noise, TensorFn drift,
      int driftParams, TensorFn diffusion, int diffusionParams, Shape yShape) {
    if (driftParams < 0 || diffusionParams < 0) {
      throw new IllegalArgumentException("differentiable SDE term: parameter blocks must be ≥ 0,"
          + " got " + driftParams + " (drift) and " + diffusionParams + " (diffusion)");
    }
    int p = driftParams + diffusionParams;
    return of(type, noise, block(drift, 0, driftParams), block(diffusion, driftParams, p),
        yShape, p);
  }

  /** {@code fn} called with {@code θ[from, to)} in place of {@code θ}. */
  private static TensorFn block(TensorFn fn, int from, int to) {
    Objects.requireNonNull(fn, "fn");
    return in -> fn.apply(new Tensor[] {in[0], in[1], in[2].slice(0, from, to)});
  }

  /**
   * The same SDE in Stratonovich form: drift {@code f − ½ (∂g/∂y) g} (the Itô–Stratonovich
   * correction {@code ½ Σ_j (∂G^j/∂y) G^j}, for diagonal noise {@code ½ g_i ∂g_i/∂y_i} when each
   * {@code g_i} depends on {@code y_i} only, as the noise type requires), same diffusion and
   * parameters; this term when it is Stratonovich already. The correction is a forward-mode
   * derivative of {@code g} written in ops and traced with the drift, so the new drift has
   * compiled VJPs too (they hold second derivatives of {@code g}).
   */
  public DifferentiableSdeTerm toStratonovich() {
    if (type == SdeType.STRATONOVICH) {
      return this;
    }
    if (stratonovich == null) {
      stratonovich = corrected();
    }
    return stratonovich;
  }

  private DifferentiableSdeTerm corrected() {
    TensorFn f = driftFn;
    TensorFn g = diffusionFn;
    // With additive noise ∂g/∂y = 0: the two forms coincide.
    TensorFn corrected = noise == NoiseType.ADDITIVE ? f : in -> {
      Tensor gv = g.apply(in)[0];
      Tensor dg = org.nde4j.autodiff.Autodiff.jvp(x -> g.apply(new Tensor[] {in[0], x[0],
          in[2]}), new Tensor[] {in[1]}, new Tensor[] {gv})[1];
      return new Tensor[] {f.apply(in)[0].sub(dg.mul(0.5))};
    };
    return new DifferentiableSdeTerm(SdeType.STRATONOVICH, noise, corrected, g, yShape,
        numParams());
  }

  /** Itô or Stratonovich. */
  public SdeType sdeType() {
    return type;
  }

  /** {@link NoiseType#DIAGONAL}, {@link NoiseType#SCALAR} or {@link NoiseType#ADDITIVE}. */
  public NoiseType noise() {
    return noise;
  }

  /** Number of doubles in the state. */
  public int size() {
    return drift.size();
  }

  /** Number of parameters {@code θ}. */
  public int numParams() {
    return drift.numParams();
  }

  /** Brownian channels the term needs: 1 for scalar noise, else {@code n}. */
  public int noiseDim() {
    return noise == NoiseType.SCALAR ? 1 : size();
  }

  /** The drift {@code f(t, y, θ)}. */
  public DifferentiableTerm drift() {
    return drift;
  }

  /** The diffusion {@code g(t, y, θ)}, of the state's shape (diagonal entries or a vector). */
  public DifferentiableTerm diffusion() {
    return diffusion;
  }

  /**
   * The SDE with {@code θ} fixed, driven by {@code bm}, as a plain {@link SdeTerm} for any SDE
   * solver. It reads {@code theta} at every call (no copy); one thread, like every {@link
   * SdeTerm}.
   *
   * @throws IllegalArgumentException if {@code theta} does not have {@link #numParams()} values
   *     or {@code bm} does not have {@link #noiseDim()} channels
   */
  public SdeTerm bind(double[] theta, BrownianMotion bm) {
    if (theta.length != numParams()) {
      throw new IllegalArgumentException("differentiable SDE term: θ has " + theta.length
          + " values but the term has " + numParams() + " parameters");
    }
    DifferentiableTerm.Evaluator f = drift.evaluator();
    DifferentiableTerm.Evaluator g = diffusion.evaluator();
    return bind(theta, bm, (t, y, dy) -> f.rate(t, y, theta, dy),
        (t, y, out) -> g.rate(t, y, theta, out), g);
  }

  /**
   * As {@link #bind(double[], BrownianMotion)}, with the drift and the diffusion evaluated by the
   * given fields, which must compute this term's {@code f} and {@code g} at {@code θ} (the same
   * evaluators keeping what their VJPs need, say: the discrete adjoint's forward solve).
   *
   * @throws IllegalArgumentException if {@code theta} does not have {@link #numParams()} values
   */
  public SdeTerm bind(double[] theta, BrownianMotion bm, VectorField driftField,
      DiffusionField diffusionField) {
    if (theta.length != numParams()) {
      throw new IllegalArgumentException("differentiable SDE term: θ has " + theta.length
          + " values but the term has " + numParams() + " parameters");
    }
    return bind(theta, bm, driftField, diffusionField, diffusion.evaluator());
  }

  /** The bound term; {@code g} evaluates the diffusion's JVP (its derivative for Milstein). */
  private SdeTerm bind(double[] theta, BrownianMotion bm, VectorField driftField,
      DiffusionField diffusionField, DifferentiableTerm.Evaluator g) {
    int n = size();
    SdeTerm.Builder b = type == SdeType.ITO ? SdeTerm.ito(n, bm) : SdeTerm.stratonovich(n, bm);
    b.drift(driftField);
    if (noise == NoiseType.ADDITIVE) {
      b.additiveDiagonal(diffusionField);
    } else {
      b.diffusion(noise, diffusionField);
    }
    return b.diffusionDerivative((t, y, u, dg) -> g.jvp(t, y, theta, 0, u, null, dg)).build();
  }

  @Override
  public String toString() {
    return "DifferentiableSdeTerm(" + type.label() + ", " + noise.label() + " noise, " + size()
        + " states, " + numParams() + " parameters)";
  }
}
