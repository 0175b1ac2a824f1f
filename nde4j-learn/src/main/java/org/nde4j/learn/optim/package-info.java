/**
 * Optimisers over one flat parameter vector (DESIGN.md §1.7, §5): {@link
 * org.nde4j.learn.optim.Sgd}, {@link org.nde4j.learn.optim.Adam} (and AdamW), {@link
 * org.nde4j.learn.optim.RmsProp} behind the allocation-free {@link
 * org.nde4j.learn.optim.Optimizer#step} with PyTorch's update formulas; {@link
 * org.nde4j.learn.optim.Lbfgs} with a strong Wolfe line search for full-batch losses; learning-rate
 * {@link org.nde4j.learn.optim.Schedule}s; {@link org.nde4j.learn.optim.GradientClipping}. Every
 * optimiser's state exports to named flat arrays ({@link org.nde4j.learn.optim.Checkpointable}) so
 * that checkpoints resume bit-identically.
 */
package org.nde4j.learn.optim;
