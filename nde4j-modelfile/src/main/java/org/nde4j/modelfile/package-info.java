/**
 * Model files: YAML or JSON declarations of mechanistic ODE systems (states with initial values,
 * parameters, one equation per state, time span, optional solver settings and events), read into a
 * validated {@link org.nde4j.modelfile.ModelDefinition} whose vector field and events are core
 * {@link org.nde4j.tensor.TensorFn}s. Entry point: {@link org.nde4j.modelfile.ModelFile#load}.
 *
 * <p>A model file is data only: YAML tags and aliases are rejected, nothing is included, and
 * expressions use the closed grammar of {@link org.nde4j.expr.ExprParser}.
 */
package org.nde4j.modelfile;
