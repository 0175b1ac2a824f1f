package org.nde4j.learn.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shared part of the elementwise optimisers: size checks, the step counter, the schedule, and
 * state export/import. A subclass implements {@link #update} and lists its moment arrays in
 * {@link #buffers()} under PyTorch's state names ({@code exp_avg}, {@code square_avg}, …).
 */
public abstract class AbstractOptimizer implements Optimizer {
  /** State entry holding the step count. */
  public static final String STEP = "step";

  private final int size;
  private final Schedule schedule;
  private long steps;

  protected AbstractOptimizer(int size, Schedule schedule) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    this.size = size;
    this.schedule = Objects.requireNonNull(schedule, "schedule");
  }

  /**
   * Updates {@code theta} in place; {@code lr} is this update's learning rate and {@code t} its
   * 1-based number (PyTorch's {@code step} after incrementing).
   */
  protected abstract void update(double[] theta, double[] grad, double lr, long t);

  /** The live moment arrays by state name, in a fixed order; each of length {@link #size()}. */
  protected abstract Map<String, double[]> buffers();

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final Schedule schedule() {
    return schedule;
  }

  @Override
  public final long steps() {
    return steps;
  }

  @Override
  public final void step(double[] theta, double[] grad) {
    if (theta.length != size) {
      throw new IllegalArgumentException("theta has " + theta.length
          + " values but the optimiser was created for " + size);
    }
    if (grad.length != size) {
      throw new IllegalArgumentException("grad has " + grad.length
          + " values but the optimiser was created for " + size);
    }
    double lr = schedule.at(steps);
    update(theta, grad, lr, steps + 1);
    steps++;
  }

  @Override
  public final Map<String, double[]> state() {
    Map<String, double[]> s = new LinkedHashMap<>();
    s.put(STEP, new double[] {steps});
    for (Map.Entry<String, double[]> e : buffers().entrySet()) {
      s.put(e.getKey(), e.getValue().clone());
    }
    return s;
  }

  @Override
  public final void loadState(Map<String, double[]> state) {
    Map<String, double[]> buffers = buffers();
    for (String name : state.keySet()) {
      if (!name.equals(STEP) && !buffers.containsKey(name)) {
        throw new IllegalArgumentException("optimiser state: unexpected entry '" + name
            + "' (expected: " + STEP + " " + String.join(" ", buffers.keySet()) + ")");
      }
    }
    long restoredSteps = StateEntries.counter(state, STEP);
    for (Map.Entry<String, double[]> e : buffers.entrySet()) {
      StateEntries.array(state, e.getKey(), size);
    }
    for (Map.Entry<String, double[]> e : buffers.entrySet()) {
      double[] src = state.get(e.getKey());
      System.arraycopy(src, 0, e.getValue(), 0, size);
    }
    steps = restoredSteps;
  }

  /**
   * The options every optimiser has: the learning-rate schedule.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    Schedule schedule;

    Builder(double defaultLr) {
      this.schedule = Schedule.constant(defaultLr);
    }

    /** A constant learning rate. */
    public final B learningRate(double lr) {
      this.schedule = Schedule.constant(lr);
      return self();
    }

    /** A learning-rate schedule (replaces {@link #learningRate}). */
    public final B schedule(Schedule s) {
      this.schedule = Objects.requireNonNull(s, "schedule");
      return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }
  }
}
