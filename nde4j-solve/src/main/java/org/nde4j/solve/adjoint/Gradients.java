package org.nde4j.solve.adjoint;

/**
 * The gradient of a scalar loss {@code L(Y)} of a solve's saved states {@code Y_i = y(ts_i)}, given
 * the cotangents {@code ∂L/∂Y_i}, with respect to the solve's inputs.
 *
 * @param y0 {@code ∂L/∂y0}
 * @param theta {@code ∂L/∂θ}
 * @param t0 {@code ∂L/∂t0} (the start moves, {@code y0} stays)
 * @param ts {@code ∂L/∂ts_i} for every save time
 * @param t1 {@code ∂L/∂t1}: the end time moves together with a save time equal to it (the sum of
 *     those entries of {@code ts}; 0 when no state is saved at {@code t1})
 * @param rateEvaluations vector-field evaluations of the backward pass (replays, backward solves)
 * @param vjpEvaluations vector–Jacobian products of the backward pass
 */
public record Gradients(double[] y0, double[] theta, double t0, double[] ts, double t1,
    long rateEvaluations, long vjpEvaluations) {}
