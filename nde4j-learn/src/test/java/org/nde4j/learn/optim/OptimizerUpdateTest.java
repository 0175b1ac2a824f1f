package org.nde4j.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Five steps of each optimiser against the update equations of PyTorch's documentation
 * (docs.pytorch.org/docs/stable/generated/torch.optim.{SGD,Adam,AdamW,RMSprop}.html), written
 * out here as plain loops over the parameters with the equations' own grouping. The gradient
 * depends on θ, so each step sees the previous steps' effect; the learning rate follows a
 * non-constant schedule.
 */
class OptimizerUpdateTest {
  private static final int N = 6;
  private static final int STEPS = 5;
  private static final Schedule LR = Schedule.exponential(0.05, 0.9);

  private static double[] theta0() {
    double[] t = new double[N];
    for (int i = 0; i < N; i++) {
      t[i] = 0.7 * Math.sin(1.3 * i + 0.4) + 0.1 * i;
    }
    return t;
  }

  /** A gradient that varies with θ: g_i = (θ_i − 0.3)³ + 0.5 θ_{i+1} (cyclic). */
  private static double[] grad(double[] t) {
    double[] g = new double[N];
    for (int i = 0; i < N; i++) {
      double d = t[i] - 0.3;
      g[i] = d * d * d + 0.5 * t[(i + 1) % N];
    }
    return g;
  }

  private static double[] run(Optimizer opt) {
    double[] t = theta0();
    for (int k = 0; k < STEPS; k++) {
      opt.step(t, grad(t));
    }
    assertThat(opt.steps()).isEqualTo(STEPS);
    return t;
  }

  private static void assertClose(double[] actual, double[] expected) {
    for (int i = 0; i < N; i++) {
      assertThat(actual[i]).as("θ[%d]", i)
          .isCloseTo(expected[i], within(1e-14 * Math.max(1, Math.abs(expected[i]))));
    }
    assertThat(actual).isNotEqualTo(theta0());
  }

  /** SGD: g ← g + λθ; b ← g (t = 1) or μb + (1 − τ)g; g ← g + μb (Nesterov) or b; θ ← θ − γg. */
  private static double[] sgdReference(double mu, double tau, boolean nesterov, double wd) {
    double[] t = theta0();
    double[] b = new double[N];
    for (int k = 1; k <= STEPS; k++) {
      double[] g = grad(t);
      double gamma = LR.at(k - 1);
      for (int i = 0; i < N; i++) {
        double gi = g[i] + wd * t[i];
        if (mu != 0) {
          b[i] = k > 1 ? mu * b[i] + (1 - tau) * gi : gi;
          gi = nesterov ? gi + mu * b[i] : b[i];
        }
        t[i] = t[i] - gamma * gi;
      }
    }
    return t;
  }

  @Test
  void sgdPlainMomentumDampeningNesterovWeightDecay() {
    assertClose(run(Sgd.builder().schedule(LR).build(N)), sgdReference(0, 0, false, 0));
    assertClose(run(Sgd.builder().schedule(LR).momentum(0.9).build(N)),
        sgdReference(0.9, 0, false, 0));
    assertClose(run(Sgd.builder().schedule(LR).momentum(0.8).dampening(0.3).weightDecay(0.01)
        .build(N)), sgdReference(0.8, 0.3, false, 0.01));
    assertClose(run(Sgd.builder().schedule(LR).momentum(0.9).nesterov(true).weightDecay(0.1)
        .build(N)), sgdReference(0.9, 0, true, 0.1));
  }

  /**
   * Adam / AdamW: θ ← θ − γλθ (AdamW); g ← g + λθ (Adam); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 −
   * β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); θ ← θ − γ m̂/(√v̂ + ε). With AMSGrad, PyTorch's code
   * (not its documentation, which takes the maximum of v̂) keeps the running maximum of the raw v
   * and divides it by the current 1 − β₂ᵗ; the reference follows the code.
   */
  private static double[] adamReference(double b1, double b2, double eps, double wd,
      boolean decoupled, boolean amsgrad) {
    double[] t = theta0();
    double[] m = new double[N];
    double[] v = new double[N];
    double[] vMax = new double[N];
    for (int k = 1; k <= STEPS; k++) {
      double[] g = grad(t);
      double gamma = LR.at(k - 1);
      for (int i = 0; i < N; i++) {
        if (decoupled) {
          t[i] = t[i] - gamma * wd * t[i];
        }
        double gi = decoupled ? g[i] : g[i] + wd * t[i];
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        vMax[i] = Math.max(vMax[i], v[i]);
        double mHat = m[i] / (1 - Math.pow(b1, k));
        double vHat = (amsgrad ? vMax[i] : v[i]) / (1 - Math.pow(b2, k));
        t[i] = t[i] - gamma * mHat / (Math.sqrt(vHat) + eps);
      }
    }
    return t;
  }

  @Test
  void adamAndAmsgrad() {
    assertClose(run(Adam.builder().schedule(LR).build(N)),
        adamReference(0.9, 0.999, 1e-8, 0, false, false));
    assertClose(run(Adam.builder().schedule(LR).betas(0.8, 0.99).eps(1e-3).weightDecay(0.05)
        .build(N)), adamReference(0.8, 0.99, 1e-3, 0.05, false, false));
    assertClose(run(Adam.builder().schedule(LR).amsgrad(true).build(N)),
        adamReference(0.9, 0.999, 1e-8, 0, false, true));
  }

  @Test
  void adamWDecouplesTheWeightDecay() {
    assertClose(run(Adam.adamW().schedule(LR).build(N)),
        adamReference(0.9, 0.999, 1e-8, 0.01, true, false));
    assertClose(run(Adam.adamW().schedule(LR).weightDecay(0.3).eps(1e-2).build(N)),
        adamReference(0.9, 0.999, 1e-2, 0.3, true, false));
    // The two weight decays differ: same λ, different θ.
    assertThat(run(Adam.adamW().schedule(LR).weightDecay(0.3).build(N)))
        .isNotEqualTo(run(Adam.builder().schedule(LR).weightDecay(0.3).build(N)));
  }

  /**
   * RMSprop: g ← g + λθ; v ← αv + (1 − α)g²; ṽ ← v; centred: ḡ ← αḡ + (1 − α)g, ṽ ← ṽ − ḡ²;
   * momentum: b ← μb + g/(√ṽ + ε), θ ← θ − γb; else θ ← θ − γ g/(√ṽ + ε).
   */
  private static double[] rmsReference(double alpha, double eps, double wd, double mu,
      boolean centered) {
    double[] t = theta0();
    double[] v = new double[N];
    double[] gAve = new double[N];
    double[] b = new double[N];
    for (int k = 1; k <= STEPS; k++) {
      double[] g = grad(t);
      double gamma = LR.at(k - 1);
      for (int i = 0; i < N; i++) {
        double gi = g[i] + wd * t[i];
        v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
        double vt = v[i];
        if (centered) {
          gAve[i] = alpha * gAve[i] + (1 - alpha) * gi;
          vt = vt - gAve[i] * gAve[i];
        }
        if (mu > 0) {
          b[i] = mu * b[i] + gi / (Math.sqrt(vt) + eps);
          t[i] = t[i] - gamma * b[i];
        } else {
          t[i] = t[i] - gamma * gi / (Math.sqrt(vt) + eps);
        }
      }
    }
    return t;
  }

  @Test
  void rmspropPlainCenteredMomentum() {
    assertClose(run(RmsProp.builder().schedule(LR).build(N)), rmsReference(0.99, 1e-8, 0, 0,
        false));
    assertClose(run(RmsProp.builder().schedule(LR).alpha(0.9).eps(1e-2).weightDecay(0.02)
        .build(N)), rmsReference(0.9, 1e-2, 0.02, 0, false));
    assertClose(run(RmsProp.builder().schedule(LR).centered(true).momentum(0.7).alpha(0.95)
        .build(N)), rmsReference(0.95, 1e-8, 0, 0.7, true));
    assertClose(run(RmsProp.builder().schedule(LR).momentum(0.5).build(N)),
        rmsReference(0.99, 1e-8, 0, 0.5, false));
  }

  @Test
  void rmspropFirstStepByHand() {
    // One parameter, g = 2, α = 0.99: v = 0.01·4 = 0.04, θ ← 1 − 0.01·2/(0.2 + 1e-8).
    RmsProp opt = RmsProp.builder().build(1);
    double[] t = {1.0};
    opt.step(t, new double[] {2.0});
    assertThat(t[0]).isCloseTo(1 - 0.01 * 2 / (0.2 + 1e-8), within(1e-15));
    assertThat(opt.state().get("square_avg")[0]).isCloseTo(0.04, within(1e-16));
  }
}
