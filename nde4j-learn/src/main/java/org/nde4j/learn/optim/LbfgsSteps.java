package org.nde4j.learn.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link Lbfgs} as an {@link Optimizer}, so that a full-batch loss can be minimised by the {@link
 * org.nde4j.learn.train.Trainer} with its metrics, checkpoints and resume: each {@link #step} is
 * one L-BFGS iteration (line search included) on the fixed loss given here; the gradient passed
 * to {@code step} is not used, because L-BFGS evaluates the loss itself (one extra evaluation per
 * step at the current point). Only meaningful when every trainer batch is the same full batch.
 *
 * <p>State: {@code step} (the calls to {@link #step}) and the L-BFGS state under {@code lbfgs.}
 * ({@link Lbfgs#state()}); restoring it continues bit-identically, as {@link Lbfgs} does. Once
 * L-BFGS has converged (a tolerance met, or no line-search step decreases the loss) further
 * steps leave θ unchanged. The {@link #schedule()} is the constant 1 (L-BFGS's unit trial step).
 */
public final class LbfgsSteps implements Optimizer {
  private static final String PREFIX = "lbfgs.";

  private final Lbfgs lbfgs;
  private final LossFunction loss;
  private final int size;
  private final Schedule schedule = Schedule.constant(1.0);
  private long steps;

  /**
   * @param lbfgs the minimiser, built for {@code size} parameters
   * @param loss  the full-batch loss it minimises
   * @param size  the length of θ
   */
  public LbfgsSteps(Lbfgs lbfgs, LossFunction loss, int size) {
    this.lbfgs = Objects.requireNonNull(lbfgs, "lbfgs");
    this.loss = Objects.requireNonNull(loss, "loss");
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  /** One L-BFGS iteration of the loss from {@code theta}, in place; {@code grad} is not read. */
  @Override
  public void step(double[] theta, double[] grad) {
    if (grad.length != size) {
      throw new IllegalArgumentException("grad has " + grad.length
          + " values but the optimiser was created for " + size);
    }
    lbfgs.minimize(loss, theta, 1);
    steps++;
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public Schedule schedule() {
    return schedule;
  }

  @Override
  public Map<String, double[]> state() {
    Map<String, double[]> st = new LinkedHashMap<>();
    st.put(AbstractOptimizer.STEP, new double[] {steps});
    for (Map.Entry<String, double[]> e : lbfgs.state().entrySet()) {
      st.put(PREFIX + e.getKey(), e.getValue());
    }
    return st;
  }

  @Override
  public void loadState(Map<String, double[]> state) {
    Map<String, double[]> inner = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : state.entrySet()) {
      if (e.getKey().startsWith(PREFIX)) {
        inner.put(e.getKey().substring(PREFIX.length()), e.getValue());
      } else if (!e.getKey().equals(AbstractOptimizer.STEP)) {
        throw new IllegalArgumentException("L-BFGS steps state: unexpected entry '" + e.getKey()
            + "'");
      }
    }
    long s = StateEntries.counter(state, AbstractOptimizer.STEP);
    lbfgs.loadState(inner);
    steps = s;
  }
}
