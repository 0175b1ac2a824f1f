package org.nde4j.compile;

import org.nde4j.tensor.Op;
import org.nde4j.tensor.Tensor;

/**
 * An op the compiler introduces by rewriting a graph after differentiation (such as {@link
 * BiasedMatMul}); it exists only inside compiled plans, so it has no derivative rules.
 */
interface PlanOnlyOp extends Op {

  @Override
  default Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    throw new UnsupportedOperationException(name() + " exists only in compiled plans");
  }

  @Override
  default Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    throw new UnsupportedOperationException(name() + " exists only in compiled plans");
  }
}
