package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.sde.SdeSolver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.DifferentiableSdeTerm;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeType;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * Differentiable SDEs for the SDE adjoint tests, and their gradients by central finite
 * differences of the forward solve along one fixed Brownian path.
 */
final class SdeGradFields {
  static final int BATCH = 2;
  static final int DIM = 3;
  static final int HIDDEN = 5;
  /** Parameters of one 3→5→tanh→3 MLP: W1 [3,5], b1 [5], W2 [5,3], b2 [3]. */
  static final int MLP_PARAMS = DIM * HIDDEN + HIDDEN + HIDDEN * DIM + DIM;

  private SdeGradFields() {}

  /**
   * GBM-like: {@code dy = (μ y + a) dt + σ y dW} on two states, diagonal noise, {@code θ = [μ,
   * a | σ]} (separate blocks).
   */
  static DifferentiableSdeTerm gbm(SdeType type, NoiseType noise) {
    return DifferentiableSdeTerm.of(type, noise,
        in -> new Tensor[] {in[1].mul(in[2].slice(0, 0, 1)).add(in[2].slice(0, 1, 2))}, 2,
        in -> new Tensor[] {in[1].mul(in[2])}, 1, Shape.of(2));
  }

  static final double[] GBM_THETA = {0.3, 0.1, 0.5};
  static final double[] GBM_Y0 = {1.0, 0.6};

  /** A tanh MLP applied to the rows of {@code y [BATCH, DIM]} with its parameters in {@code p}. */
  static Tensor mlp(Tensor y, Tensor p) {
    int o = 0;
    Tensor w1 = p.slice(0, o, o += DIM * HIDDEN).reshape(Shape.of(DIM, HIDDEN));
    Tensor b1 = p.slice(0, o, o += HIDDEN);
    Tensor w2 = p.slice(0, o, o += HIDDEN * DIM).reshape(Shape.of(HIDDEN, DIM));
    Tensor b2 = p.slice(0, o, o + DIM);
    return y.matmul(w1).add(b1).tanh().matmul(w2).add(b2);
  }

  /**
   * A small neural SDE with diagonal noise on states {@code [2, 3]}: drift an MLP, diffusion
   * {@code 0.5·sigmoid(MLP)} plus {@code 0.1 t}, one shared {@code θ} (drift block then
   * diffusion block, sliced inside the functions).
   */
  static DifferentiableSdeTerm neural(SdeType type) {
    return DifferentiableSdeTerm.of(type, NoiseType.DIAGONAL,
        in -> new Tensor[] {mlp(in[1], in[2].slice(0, 0, MLP_PARAMS))},
        in -> new Tensor[] {mlp(in[1], in[2].slice(0, MLP_PARAMS, 2 * MLP_PARAMS)).sigmoid()
            .mul(0.5).add(in[0].mul(0.1))},
        Shape.of(BATCH, DIM), 2 * MLP_PARAMS);
  }

  /**
   * A neural SDE whose noise is diagonal in the strict sense ({@code g_i} depends on {@code y_i}
   * only, so the noise is commutative): drift an MLP, diffusion {@code 0.4·sigmoid(u ⊙ y + v)} with
   * {@code u, v} of shape {@code [DIM]}; {@code θ = [MLP | u, v]}.
   */
  static DifferentiableSdeTerm elementwiseNoise(SdeType type) {
    return DifferentiableSdeTerm.of(type, NoiseType.DIAGONAL, in -> new Tensor[] {mlp(in[1],
        in[2])}, MLP_PARAMS, in -> new Tensor[] {in[1].mul(in[2].slice(0, 0, DIM))
        .add(in[2].slice(0, DIM, 2 * DIM)).sigmoid().mul(0.4)}, 2 * DIM, Shape.of(BATCH, DIM));
  }

  /**
   * A neural SDE with additive noise: drift an MLP, diffusion {@code g(t, θ) = 0.4·sigmoid(u) +
   * 0.1 t} for every row, {@code u} of shape {@code [DIM]}; {@code θ = [MLP | u]}.
   */
  static DifferentiableSdeTerm additiveNoise() {
    return DifferentiableSdeTerm.of(SdeType.STRATONOVICH, NoiseType.ADDITIVE,
        in -> new Tensor[] {mlp(in[1], in[2])}, MLP_PARAMS,
        in -> new Tensor[] {Tensor.full(1.0, Shape.of(BATCH, DIM)).mul(in[2].sigmoid().mul(0.4))
            .add(in[0].mul(0.1))}, DIM, Shape.of(BATCH, DIM));
  }

  /** Parameters of {@link #elementwiseNoise}. */
  static double[] elementwiseTheta() {
    double[] theta = new double[MLP_PARAMS + 2 * DIM];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.6 * Math.sin(1.7 * i + 0.3);
    }
    return theta;
  }

  /** Deterministic parameters of size {@code 2·MLP_PARAMS}, scaled like a default init. */
  static double[] neuralTheta() {
    double[] theta = new double[2 * MLP_PARAMS];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.6 * Math.sin(1.7 * i + 0.3);
    }
    return theta;
  }

  static final double[] NEURAL_Y0 = {0.5, -0.3, 0.8, -1.1, 0.2, 0.4};

  /** {@code L = Σ_i c_i · y_i(t1)} after {@code steps} constant steps on {@code [0, 1]}. */
  static double loss(DifferentiableSdeTerm term, BrownianMotion bm, SdeSolver solver,
      double[] y0, double[] theta, int steps, double[] c) {
    double[] y1 = Solve.of(term.bind(theta, bm), solver, 0, 1, y0).dt0(1.0 / steps)
        .controller(ConstantStepSize.create()).run().yEnd();
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      s += c[i] * y1[i];
    }
    return s;
  }

  /** Central differences of {@link #loss} in every entry of {@code x} (a copy is perturbed). */
  static double[] differences(java.util.function.ToDoubleFunction<double[]> loss, double[] x) {
    double h = 1e-5;
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] p = x.clone();
      double[] m = x.clone();
      p[i] += h;
      m[i] -= h;
      g[i] = (loss.applyAsDouble(p) - loss.applyAsDouble(m)) / (2 * h);
    }
    return g;
  }

  /** {@code |actual − expected|_∞ ≤ rel · |expected|_∞}. */
  static void assertRelative(double[] actual, double[] expected, double rel, String what) {
    double scale = 0;
    double err = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      err = Math.max(err, Math.abs(actual[i] - expected[i]));
    }
    assertThat(scale).as("%s: a gradient that is not all zero", what).isGreaterThan(1e-3);
    assertThat(err / scale).as("%s: relative error", what).isLessThanOrEqualTo(rel);
  }
}
