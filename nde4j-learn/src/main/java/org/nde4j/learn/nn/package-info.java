/**
 * Network modules over one flat parameter vector (DESIGN.md §1.7, §5): a {@link
 * org.nde4j.learn.nn.Module} is named, shaped views ({@link org.nde4j.learn.nn.ParameterLayout})
 * plus a pure forward function of core tensor ops, so it runs eagerly, records on the autodiff
 * tape, traces into compiled plans and serves as the vector field of a {@link
 * org.nde4j.solve.term.DifferentiableTerm}. Layers: {@link org.nde4j.learn.nn.Linear}, {@link
 * org.nde4j.learn.nn.Mlp}, {@link org.nde4j.learn.nn.GruCell}, {@link
 * org.nde4j.learn.nn.LayerNorm}; initialisers seeded by {@link org.nde4j.random.Key}s in {@link
 * org.nde4j.learn.nn.Initializer}.
 */
package org.nde4j.learn.nn;
