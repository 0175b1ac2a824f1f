package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;

/**
 * The forward record of the discrete adjoint and its backward pass: the adjoint state {@code λ} (of
 * the solver state, see {@link StepVjp}) is carried backwards step by step through {@link
 * StepVjp#vjp} (with the stage cotangents of saves read from the dense output, {@link
 * InterpolatedSaves}); the states the steps need are the stored checkpoints or are recomputed
 * from them. Segments between forward checkpoints are
 * reversed with the binomial schedule of Griewank &amp; Walther's {@code revolve} using the
 * budget's remaining states; with none left a segment is replayed from its start for every step.
 */
final class DiscreteRecording extends LoopRecording {
  private final GradientSolve problem;
  private final double[] theta;
  private final DifferentiableTerm.Evaluator f;
  private final StepVjp step;
  private final Checkpoints store;
  private final double[] times;
  private final int budget;
  private final KeptStages saved;
  /** The noise the forward solve drew, or null (no SDE, or checkpointing). */
  private final RecordedBrownian noise;
  private final int n;
  private final int m;
  private final double[] lambda;
  private final double[] y0Bar;
  private final double[] thetaBar;
  private final double[] work;
  private final double[] replayA;
  private final double[] replayB;
  private double[][] ybar;
  /** The stage cotangents of saves read from the dense output, or null (saves at step ends). */
  private final InterpolatedSaves interpolated;
  /** Whether a later solve took this recording's storage ({@link GradientSolve#recycling}). */
  private boolean recycled;

  DiscreteRecording(GradientSolve problem, double[] theta, DifferentiableTerm.Evaluator f,
      StepVjp step, Checkpoints store, double[] times, ForwardLoop.Result result, int budget,
      KeptStages saved, RecordedBrownian noise) {
    super(result);
    this.problem = problem;
    this.theta = theta;
    this.f = f;
    this.step = step;
    this.store = store;
    this.times = times;
    this.budget = budget;
    this.saved = saved;
    this.noise = noise;
    this.n = problem.term().size();
    this.m = step.stateSize();
    this.lambda = new double[m];
    this.y0Bar = new double[n];
    this.thetaBar = new double[theta.length];
    this.work = new double[m];
    this.replayA = new double[m];
    this.replayB = new double[m];
    this.interpolated = result.saveRates() != null
        && problem.solver() instanceof org.nde4j.solve.solver.rk.AbstractExplicitRk rk
        && step instanceof RkStepVjp rkStep
        ? new InterpolatedSaves(rk.interpolant(), rkStep.lastStageIsEndRate(), result,
            problem.ts(), times, n) : null;
  }

  /** The differentiable term of the solve. */
  DifferentiableTerm term() {
    return problem.term();
  }

  /**
   * Hands the residual arrays of the kept stages, the recorded noise and the stored states to
   * {@code spares}, for a later solve of the same term; this recording can no longer be
   * differentiated.
   */
  void recycleInto(Spares spares) {
    if (!recycled) {
      if (saved != null) {
        saved.recycleInto(spares.stages, spares.diffusionStages);
      }
      if (noise != null) {
        noise.recycle(spares.noise);
      }
      store.recycle(spares.states);
    }
    recycled = true;
  }



  @Override
  public long peakStoredStates() {
    return store.peak();
  }

  /**
   * Seeds the backward pass at the end of the last full step (before the step VJPs run), with the
   * start state of the partial step a terminal event cut short.
   */
  interface EndSeed {
    void seed(double tStart, double[] yStart, double[] lambda, double[] thetaBar);
  }

  @Override
  public Gradients backward(double[][] cotangents) {
    return backward(cotangents, null);
  }

  /** {@link #backward(double[][])} with {@code λ} and {@code θ̄} first seeded by {@code seed}. */
  Gradients backward(double[][] cotangents, EndSeed seed) {
    if (recycled) {
      throw new IllegalStateException("backward: this recording's storage was reused by a later"
          + " solve (GradientSolve.recycling); differentiate before recycling, or do not recycle"
          + " a recording you still need");
    }
    Backward.check(problem, result, cotangents);
    this.ybar = cotangents;
    long rates0 = f.rateEvaluations();
    long vjps0 = f.vjpEvaluations();
    java.util.Arrays.fill(lambda, 0);
    java.util.Arrays.fill(thetaBar, 0);
    int segments = store.count();
    if (seed != null) {
      if (segments == 0) {
        System.arraycopy(problem.y0(), 0, work, 0, n);
      } else {
        replay(store.state(segments - 1), store.step(segments - 1), result.steps(), work);
      }
      seed.seed(times[result.steps()], work, lambda, thetaBar);
    }
    // The forward checkpoints stay (backward may be called again); the rest of the budget serves
    // the reversal of each segment.
    int free = budget == Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(0, budget - segments);
    for (int j = segments - 1; j >= 0; j--) {
      int end = j + 1 < segments ? store.step(j + 1) : result.steps();
      reverse(store.step(j), end, store.state(j), free);
    }
    addCotangents(0);
    step.initialVjp(lambda, y0Bar);
    double[][] known = null;
    double[] knownStart = null;
    if (saved instanceof SavedStages rk) {
      // the forward solve's own f(t0, y0) and f(ts_i, Y_i) where it kept them
      known = new double[result.saveStep().length][];
      for (int i = 0; i < known.length; i++) {
        int k = result.saveStep()[i];
        if (k > 0 && times[k] == problem.ts()[i]) {
          known[i] = rk.endRate(k);
        }
      }
      knownStart = rk.startRate();
    }
    return Backward.gradients(problem, result, f, theta, y0Bar, thetaBar, ybar,
        f.rateEvaluations() - rates0, f.vjpEvaluations() - vjps0, known, knownStart);
  }

  /**
   * Adds {@code ∂L/∂Y_i} of the save times reached after {@code k} steps to {@code λ} (to its
   * {@code y} part, the first {@code n} entries of the solver state).
   */
  private void addCotangents(int k) {
    int[] saveStep = result.saveStep();
    for (int i = 0; i < saveStep.length; i++) {
      if (saveStep[i] == k && result.ys()[i] != null) {
        double[] g = ybar[i];
        for (int q = 0; q < n; q++) {
          lambda[q] += g[q];
        }
      }
    }
  }

  /**
   * The VJP of step {@code k} from its start state (with the cotangents of the saves read from its
   * dense output).
   */
  private void reverseStep(int k, double[] y) {
    addCotangents(k + 1);
    double h = times[k + 1] - times[k];
    double[][] extra = interpolated == null ? null : interpolated.stageCotangents(k, ybar);
    if (saved != null && saved.vjp(k, times[k], h, theta, lambda, thetaBar, extra)) {
      return;
    }
    if (extra == null) {
      step.vjp(times[k], h, y, theta, lambda, thetaBar);
    } else {
      ((RkStepVjp) step).vjp(times[k], h, y, theta, lambda, thetaBar, extra);
    }
  }

  /**
   * Writes into {@code out} the start state of step {@code to}, replaying from {@code y}, the start
   * state of step {@code from}.
   */
  private void replay(double[] y, int from, int to, double[] out) {
    double[] src = y;
    for (int k = from; k < to; k++) {
      double[] dst = src == replayA ? replayB : replayA;
      step.step(times[k], times[k + 1] - times[k], src, theta, dst);
      src = dst;
    }
    System.arraycopy(src, 0, out, 0, m);
  }

  /**
   * Reverses steps {@code a … b−1} given the start state {@code ya} of step {@code a} and {@code
   * free} states to spend: the first checkpoint goes where the binomial bound says the two halves
   * can be reversed with the same number of replays ({@code β(s, r) = C(s + r, s)} steps with
   * {@code s} states and {@code r} replays each).
   */
  private void reverse(int a, int b, double[] ya, int free) {
    if (b - a == 1) {
      reverseStep(a, ya);
      return;
    }
    if (free == 0) {
      for (int k = b - 1; k >= a; k--) {
        replay(ya, a, k, work);
        reverseStep(k, work);
      }
      return;
    }
    int m = a + split(b - a, free);
    double[] ym = store.take();
    replay(ya, a, m, ym);
    reverse(m, b, ym, free - 1);
    store.give(ym);
    reverse(a, m, ya, free);
  }

  /** Offset of the first checkpoint when reversing {@code length ≥ 2} steps with {@code s ≥ 1}. */
  static int split(int length, int s) {
    int r = 0;
    while (binomial(s, r) < length) {
      r++;
    }
    double rest = binomial(s - 1, r);
    return (int) Math.max(1, length - Math.min(rest, length - 1));
  }

  /** {@code C(s + r, s)}, saturating far above any step count. */
  static double binomial(int s, int r) {
    double c = 1;
    for (int i = 1; i <= Math.min(s, r); i++) {
      c = c * (Math.max(s, r) + i) / i;
      if (c > 1e18) {
        return 1e18;
      }
    }
    return c;
  }
}
