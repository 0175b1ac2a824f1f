package org.nde4j.solve.adjoint;

import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.term.DifferentiableSdeTerm;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.NoiseType;

/**
 * What the SDE step VJPs share: the drift and diffusion evaluators of a {@link
 * DifferentiableSdeTerm}, the Brownian motion the forward solve was driven by, re-queried for each
 * step exactly as the SDE steppers query it (so the backward pass replays the same path without
 * storing it), and the diffusion-times-noise product of the vector layouts with its VJP. Owns
 * scratch arrays; one thread.
 */
final class SdeFields {
  final DifferentiableTerm.Evaluator drift;
  final DifferentiableTerm.Evaluator diffusion;
  final int n;
  final int p;
  /** The step's Brownian increment ({@code m} values). */
  final double[] w;
  /** The step's space-time Lévy area ({@code m} values, when queried). */
  final double[] area;
  private final BrownianMotion bm;
  private final boolean scalar;
  private final int m;

  SdeFields(DifferentiableSdeTerm term, BrownianMotion bm) {
    this.drift = term.drift().evaluator();
    this.diffusion = term.diffusion().evaluator();
    this.n = term.size();
    this.p = term.numParams();
    this.bm = bm;
    this.scalar = term.noise() == NoiseType.SCALAR;
    this.m = bm.dim();
    this.w = new double[m];
    this.area = new double[m];
  }

  /**
   * Queries the increment (and the space-time Lévy area) of the step from {@code t} by {@code h},
   * as {@code org.nde4j.solve.solver.sde.AbstractSdeStepper} does.
   */
  void query(double t, double h, boolean withArea) {
    if (!withArea) {
      bm.increment(t, t + h, w);
    } else if (h >= 0) {
      bm.spaceTimeIncrement(t, t + h, w, area);
    } else {
      bm.spaceTimeIncrement(t + h, t, w, area);
      for (int j = 0; j < m; j++) {
        w[j] = -w[j];
      }
    }
  }

  /** {@code mix = cw W + ch H}. */
  void mix(double cw, double ch, double[] mix) {
    for (int k = 0; k < m; k++) {
      mix[k] = cw * w[k] + ch * area[k];
    }
  }

  /**
   * {@code out += c · G mix} ({@code G} diagonal, or one column for scalar noise), with the
   * arithmetic of {@link org.nde4j.solve.term.SdeTerm#addProduct}.
   */
  void addNoise(double[] g, double[] mix, double c, double[] out) {
    if (scalar) {
      double s = c * mix[0];
      for (int i = 0; i < n; i++) {
        out[i] += s * g[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        out[i] += c * g[i] * mix[i];
      }
    }
  }

  /** The VJP of {@link #addNoise} in {@code g}: {@code gBar += c · mix ⊙ outBar}. */
  void addNoiseBar(double[] mix, double c, double[] outBar, double[] gBar) {
    if (scalar) {
      double s = c * mix[0];
      for (int i = 0; i < n; i++) {
        gBar[i] += s * outBar[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        gBar[i] += c * mix[i] * outBar[i];
      }
    }
  }

  /**
   * The drift's evaluator with the diffusion's evaluations counted too: what the discrete
   * recording reads its evaluation counts from (an SDE solve has no time gradients, so nothing
   * else of it is used).
   */
  DifferentiableTerm.Evaluator counted() {
    SdeFields self = this;
    return new DifferentiableTerm.Evaluator() {
      @Override
      public void rate(double t, double[] y, double[] theta, double[] dy) {
        drift.rate(t, y, theta, dy);
      }

      @Override
      public double vjp(double t, double[] y, double[] theta, double[] a, double[] ay,
          double[] ap) {
        return drift.vjp(t, y, theta, a, ay, ap);
      }

      @Override
      public void jvp(double t, double[] y, double[] theta, double vt, double[] vy, double[] vp,
          double[] out) {
        drift.jvp(t, y, theta, vt, vy, vp, out);
      }

      @Override
      public long rateEvaluations() {
        return self.rateEvaluations();
      }

      @Override
      public long vjpEvaluations() {
        return self.vjpEvaluations();
      }
    };
  }

  /** Drift and diffusion evaluations so far. */
  long rateEvaluations() {
    return drift.rateEvaluations() + diffusion.rateEvaluations();
  }

  /** Drift and diffusion VJPs so far. */
  long vjpEvaluations() {
    return drift.vjpEvaluations() + diffusion.vjpEvaluations();
  }
}
