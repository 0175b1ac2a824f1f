package org.nde4j.learn.models;

import org.nde4j.solve.adjoint.Gradients;
import org.nde4j.solve.integrate.Stats;

/**
 * Running totals of the work of a model's differentiable solves: how many solves, the vector-field
 * evaluations of their forward passes and the evaluations of their backward passes (vector field
 * replays plus vector–Jacobian products, {@link Gradients#rateEvaluations()} + {@link
 * Gradients#vjpEvaluations()}). torchdiffeq users follow the same figures through a counter in
 * their {@code func} ({@code ode_demo}'s {@code nfe}); a growing forward count is the usual sign
 * that the learned field is getting stiff.
 *
 * <pre>{@code
 * SolveCounts counts = new SolveCounts();
 * Trainer.builder(sampler::sample, ode.lossFunction(counts), optimizer)…
 * long nfePerIteration = counts.forwardEvaluations() / iterations;
 * }</pre>
 *
 * <p>Not thread-safe: give each training loop its own.
 */
public final class SolveCounts {
  private long solves;
  private long forward;
  private long backward;

  /** Number of solves counted. */
  public long solves() {
    return solves;
  }

  /** Vector-field evaluations of the forward solves (the solver's {@code nfe}). */
  public long forwardEvaluations() {
    return forward;
  }

  /**
   * Evaluations of the backward passes: vector-field evaluations (replays, backward solves) plus
   * vector–Jacobian products.
   */
  public long backwardEvaluations() {
    return backward;
  }

  /** Sets every total back to zero. */
  public void reset() {
    solves = 0;
    forward = 0;
    backward = 0;
  }

  /** Adds one solve's forward work and, if it was differentiated, its backward work. */
  void add(Stats forwardStats, Gradients gradients) {
    solves++;
    forward += forwardStats.nfe();
    if (gradients != null) {
      backward += gradients.rateEvaluations() + gradients.vjpEvaluations();
    }
  }

  @Override
  public String toString() {
    return "SolveCounts(solves " + solves + ", forward " + forward + ", backward " + backward
        + ")";
  }
}
