package org.nde4j.tensor;

/**
 * Receives the ops applied to symbolic tensors while a function is traced. A graph under
 * construction implements it; {@link Tensor#apply} calls {@link #record} whenever an operand is
 * symbolic. Concrete operands met during tracing become constants of the graph.
 */
public interface Tracer {
  /** Records {@code op} applied to {@code in} (output shape already validated) and returns the symbolic result. */
  Tensor record(Op op, Tensor[] in, Shape out);
}
