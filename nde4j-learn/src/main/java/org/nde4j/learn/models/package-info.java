/**
 * Models trained by {@code nde4j-learn}: {@link org.nde4j.learn.models.NeuralOde}, a neural ODE
 * with an MLP vector field (optional time input, augmented dimensions and input transform) whose
 * loss on a window batch is differentiated through the solve.
 */
package org.nde4j.learn.models;
