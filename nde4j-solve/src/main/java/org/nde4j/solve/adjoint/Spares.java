package org.nde4j.solve.adjoint;

import java.util.ArrayDeque;

/**
 * The arrays a recording hands to the next solve of the same term ({@link
 * GradientSolve#recycling}): stage residual sets (an SDE diffusion's apart), recorded noise, and
 * stored states. Each user takes what fits and allocates the rest.
 */
final class Spares {
  /** Residual sets of the (drift) stages, as {@link SavingTerm} keeps them. */
  final ArrayDeque<double[][]> stages = new ArrayDeque<>();
  /** Residual sets of an SDE's diffusion stages. */
  final ArrayDeque<double[][]> diffusionStages = new ArrayDeque<>();
  /** Increments (and Lévy areas) as {@link RecordedBrownian} keeps them. */
  final ArrayDeque<double[][]> noise = new ArrayDeque<>();
  /** State arrays of {@link Checkpoints}. */
  final ArrayDeque<double[]> states = new ArrayDeque<>();
}
