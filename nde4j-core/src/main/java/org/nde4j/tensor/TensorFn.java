package org.nde4j.tensor;

/**
 * A numeric function written against the {@link Tensor} API: runs eagerly on concrete tensors or
 * is traced on symbolic ones. It must be pure (its result depends only on its arguments and on
 * constants it captured) for traced plans to be valid.
 */
@FunctionalInterface
public interface TensorFn {
  Tensor[] apply(Tensor... in);
}
