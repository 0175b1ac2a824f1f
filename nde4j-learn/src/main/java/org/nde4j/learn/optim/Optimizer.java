package org.nde4j.learn.optim;

/**
 * A first-order optimiser over one flat parameter vector {@code θ} (DESIGN.md §1.7): each {@link
 * #step} reads the flat gradient {@code ∇L(θ)} (same layout) and updates {@code θ} in place. The
 * learning rate of update {@code k} (counting from 0) is {@code schedule().at(k)}. Steps allocate
 * nothing; the moments live in arrays created with the optimiser. The state ({@link #state()}:
 * step count and moments) belongs in every checkpoint.
 *
 * <p>Not thread-safe: one optimiser per training loop.
 */
public interface Optimizer extends Checkpointable {

  /** Length of the parameter vectors this optimiser was created for. */
  int size();

  /**
   * One update of {@code theta} from {@code grad} (neither is kept; {@code grad} is not
   * modified).
   *
   * @throws IllegalArgumentException naming the array if its length is not {@link #size()}
   */
  void step(double[] theta, double[] grad);

  /** Updates done so far (also restored by {@link #loadState}). */
  long steps();

  /** The learning-rate schedule. */
  Schedule schedule();

  /** The learning rate the next {@link #step} will use. */
  default double learningRate() {
    return schedule().at(steps());
  }
}
