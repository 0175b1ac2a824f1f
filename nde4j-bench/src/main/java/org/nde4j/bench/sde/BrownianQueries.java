package org.nde4j.bench.sde;

import java.util.function.Supplier;
import org.nde4j.bench.BenchCase;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;

/**
 * The Brownian-query series of workload W5: one call builds a (512, 16) Brownian motion on
 * {@code [0, 1]} and queries its 100 increments of {@code dt = 0.01} in order, as a fixed-step
 * solver does (optionally with the space-time Lévy area, optionally followed by the 100 increments
 * in reverse order, as an adjoint's backward pass does). {@code plain} instead draws 100 fresh
 * normal arrays, the floor any generator is measured against.
 */
final class BrownianQueries implements BenchCase {
  static final int BATCH = 512;
  static final int STATE = 16;
  static final int STEPS = 100;
  private static final double DT = 1.0 / STEPS;

  private final String name;
  private final Supplier<BrownianMotion> make;
  private final boolean area;
  private final boolean reverse;
  private final double[] w = new double[BATCH * STATE];
  private final double[] h = new double[BATCH * STATE];

  /** A query series on motions from {@code make}; {@code null} means plain normal draws. */
  BrownianQueries(String name, Supplier<BrownianMotion> make, boolean area, boolean reverse) {
    this.name = name;
    this.make = make;
    this.area = area;
    this.reverse = reverse;
  }

  /** The key of every motion built (the peer fixes its entropy the same way). */
  static final Key KEY = Key.of(1234);

  static LevyArea levy(boolean area) {
    return area ? LevyArea.SPACE_TIME : LevyArea.NONE;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double call() {
    double acc = 0;
    if (make == null) {
      for (int i = 0; i < STEPS; i++) {
        KEY.foldIn(i).normal(w, 0, w.length, 1);
        acc += w[0];
      }
      return acc;
    }
    BrownianMotion bm = make.get();
    for (int i = 0; i < STEPS; i++) {
      acc += query(bm, i * DT, (i + 1) * DT);
    }
    if (reverse) {
      for (int i = STEPS - 1; i >= 0; i--) {
        acc += query(bm, i * DT, (i + 1) * DT);
      }
    }
    return acc;
  }

  private double query(BrownianMotion bm, double s, double t) {
    if (area) {
      bm.spaceTimeIncrement(s, t, w, h);
      return w[0] + h[0];
    }
    bm.increment(s, t, w);
    return w[0];
  }

  @Override
  public String note() {
    return (make == null ? "100 draws of " : "construct + " + (reverse ? "100 forward + 100 reverse"
        : "100 sequential") + " queries of ") + "a (512,16) increment, dt 0.01"
        + (area ? ", with space-time Lévy area" : "");
  }
}
