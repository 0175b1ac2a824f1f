/**
 * Models built from the lower layers: {@link org.nde4j.learn.models.ModelFit} turns a model file
 * (known and unknown parameters, declared networks) into a differentiable vector field and fits it
 * to a {@link org.nde4j.learn.data.Panel}.
 */
package org.nde4j.learn.models;
