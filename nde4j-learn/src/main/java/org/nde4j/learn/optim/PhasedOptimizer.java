package org.nde4j.learn.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Two optimisers one after the other over the same θ: the first for its {@code firstSteps}
 * updates, the second from then on — Adam, then L-BFGS ({@link LbfgsSteps}) from the point Adam
 * reached, as a single {@link Optimizer} that one {@link org.nde4j.learn.train.Trainer} run
 * (metrics, checkpoints, resume) drives.
 *
 * <p>State: {@code step}, then each optimiser's entries under {@code first.} and {@code second.}.
 * The learning rate is the active optimiser's at its own step count.
 */
public final class PhasedOptimizer implements Optimizer {
  private static final String FIRST = "first.";
  private static final String SECOND = "second.";

  private final Optimizer first;
  private final long firstSteps;
  private final Optimizer second;
  private long steps;

  /**
   * @throws IllegalArgumentException if the sizes differ or {@code firstSteps < 0}
   */
  public PhasedOptimizer(Optimizer first, long firstSteps, Optimizer second) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
    if (first.size() != second.size()) {
      throw new IllegalArgumentException("phased optimiser: sizes " + first.size() + " and "
          + second.size() + " differ");
    }
    if (firstSteps < 0) {
      throw new IllegalArgumentException("phased optimiser: firstSteps must be >= 0, got "
          + firstSteps);
    }
    this.firstSteps = firstSteps;
  }

  @Override
  public int size() {
    return first.size();
  }

  @Override
  public void step(double[] theta, double[] grad) {
    (steps < firstSteps ? first : second).step(theta, grad);
    steps++;
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public Schedule schedule() {
    return k -> k < firstSteps ? first.schedule().at(k) : second.schedule().at(k - firstSteps);
  }

  @Override
  public Map<String, double[]> state() {
    Map<String, double[]> st = new LinkedHashMap<>();
    st.put(AbstractOptimizer.STEP, new double[] {steps});
    first.state().forEach((k, v) -> st.put(FIRST + k, v));
    second.state().forEach((k, v) -> st.put(SECOND + k, v));
    return st;
  }

  @Override
  public void loadState(Map<String, double[]> state) {
    Map<String, double[]> a = new LinkedHashMap<>();
    Map<String, double[]> b = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : state.entrySet()) {
      String k = e.getKey();
      if (k.startsWith(FIRST)) {
        a.put(k.substring(FIRST.length()), e.getValue());
      } else if (k.startsWith(SECOND)) {
        b.put(k.substring(SECOND.length()), e.getValue());
      } else if (!k.equals(AbstractOptimizer.STEP)) {
        throw new IllegalArgumentException("phased optimiser state: unexpected entry '" + k + "'");
      }
    }
    long s = StateEntries.counter(state, AbstractOptimizer.STEP);
    first.loadState(a);
    second.loadState(b);
    steps = s;
  }
}
