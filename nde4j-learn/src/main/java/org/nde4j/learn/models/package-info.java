/**
 * Models trained by {@code nde4j-learn}: {@link org.nde4j.learn.models.NeuralOde}, a neural ODE
 * with an MLP vector field (optional time input, augmented dimensions and input transform) whose
 * loss on a window batch is differentiated through the solve; {@link
 * org.nde4j.learn.models.ModelFit}, which turns a model file (known and unknown parameters,
 * declared networks) into a differentiable vector field and fits it to a {@link
 * org.nde4j.learn.data.Panel}.
 */
package org.nde4j.learn.models;
