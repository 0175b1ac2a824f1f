package org.nde4j.solve.solver.sde;

import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianInterval;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;

/**
 * The SDE problems of {@code problems.md} §3.1 with closed-form solutions in terms of {@code W_T},
 * batched: {@code paths} independent copies as the channels of one Brownian motion, and the
 * strong-order measurement (mean absolute error at {@code T = 1} against the exact solution on
 * the same path, slope of log error against log step by least squares).
 */
final class SdeProblems {
  static final double ALPHA = 1.01;
  static final double BETA = 0.87;
  static final double X0 = 0.5;
  static final double ADD_ALPHA = 0.1;
  static final double[] ADD_BETA = {0.5, 0.25, 0.125, 0.1115};

  private SdeProblems() {}

  /** A Brownian interval on [0, 1] whose skeleton grid is the finest step. */
  static BrownianMotion brownian(long seed, int dim, boolean area, double finest) {
    return BrownianInterval.of(Key.of(seed), 0, 1, dim, area ? LevyArea.SPACE_TIME
        : LevyArea.NONE, finest, 256);
  }

  /** GBM {@code dX = αX dt + βX dW} (diagonal noise, analytic derivative), Itô or Stratonovich. */
  static SdeTerm gbm(BrownianMotion bm, boolean ito) {
    int n = bm.dim();
    var b = ito ? SdeTerm.ito(n, bm) : SdeTerm.stratonovich(n, bm);
    return b.drift((t, y, f) -> {
      for (int i = 0; i < n; i++) {
        f[i] = ALPHA * y[i];
      }
    }).diffusion(NoiseType.DIAGONAL, (t, y, g) -> {
      for (int i = 0; i < n; i++) {
        g[i] = BETA * y[i];
      }
    }).diffusionDerivative((t, y, u, dg) -> {
      for (int i = 0; i < n; i++) {
        dg[i] = BETA * u[i];
      }
    }).build();
  }

  /** Exact GBM at {@code T = 1}: {@code X0 exp((α − κβ²/2) + β W_1)}, κ = 1 for Itô. */
  static double[] gbmExact(BrownianMotion bm, boolean ito) {
    double[] w = new double[bm.dim()];
    bm.evaluate(1, w);
    double drift = ALPHA - (ito ? 0.5 * BETA * BETA : 0);
    for (int i = 0; i < w.length; i++) {
      w[i] = X0 * Math.exp(drift + BETA * w[i]);
    }
    return w;
  }

  /**
   * {@code prob_sde_additivesystem}: {@code dX = (β/√(1+t) − X/(2(1+t))) dt + αβ/√(1+t) dW}, four
   * components per path (β per component), one channel per state.
   */
  static SdeTerm additive(BrownianMotion bm) {
    int n = bm.dim();
    return SdeTerm.ito(n, bm).drift((t, y, f) -> {
      double s = Math.sqrt(1 + t);
      for (int i = 0; i < n; i++) {
        f[i] = ADD_BETA[i % 4] / s - y[i] / (2 * (1 + t));
      }
    }).additiveDiagonal((t, y, g) -> {
      double s = Math.sqrt(1 + t);
      for (int i = 0; i < n; i++) {
        g[i] = ADD_ALPHA * ADD_BETA[i % 4] / s;
      }
    }).build();
  }

  /** Exact additive system at {@code T = 1} from {@code X0 = 1}. */
  static double[] additiveExact(BrownianMotion bm) {
    double[] w = new double[bm.dim()];
    bm.evaluate(1, w);
    double s = Math.sqrt(2);
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 / s + ADD_BETA[i % 4] * (1 + ADD_ALPHA * w[i]) / s;
    }
    return w;
  }

  static double[] filled(int n, double v) {
    double[] y = new double[n];
    java.util.Arrays.fill(y, v);
    return y;
  }

  /** The state at {@code T = 1} after constant steps of {@code 2^-level}. */
  static double[] solve(SdeTerm term, Solver solver, double[] y0, int level) {
    return Solve.of(term, solver, 0, 1, y0).dt0(Math.scalb(1.0, -level))
        .controller(ConstantStepSize.create()).maxSteps(1 << 20).run().yEnd();
  }

  /** Mean absolute error over the components. */
  static double meanAbsError(double[] y, double[] exact) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += Math.abs(y[i] - exact[i]);
    }
    return s / y.length;
  }

  /** Least-squares slope of {@code log err} against {@code log h} for {@code h = 2^-level}. */
  static double slope(int[] levels, double[] errors) {
    int k = levels.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < k; i++) {
      mx += -levels[i] * Math.log(2);
      my += Math.log(errors[i]);
    }
    mx /= k;
    my /= k;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < k; i++) {
      double dx = -levels[i] * Math.log(2) - mx;
      sxy += dx * (Math.log(errors[i]) - my);
      sxx += dx * dx;
    }
    return sxy / sxx;
  }

  /** The measured strong order of {@code solver} on {@code term} over {@code levels}. */
  static double strongOrder(SdeTerm term, Solver solver, double[] y0, double[] exact,
      int[] levels) {
    double[] err = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      err[i] = meanAbsError(solve(term, solver, y0, levels[i]), exact);
    }
    return slope(levels, err);
  }
}
