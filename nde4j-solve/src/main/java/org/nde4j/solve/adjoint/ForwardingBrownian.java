package org.nde4j.solve.adjoint;

import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;

/**
 * A {@link BrownianMotion} that hands every call to another one: the base of wrappers that watch
 * or keep the queries ({@link RecordedBrownian}) and override only the increments.
 */
abstract class ForwardingBrownian implements BrownianMotion {
  /** The motion queried. */
  final BrownianMotion inner;

  ForwardingBrownian(BrownianMotion inner) {
    this.inner = inner;
  }

  @Override
  public LevyArea levyArea() {
    return inner.levyArea();
  }

  @Override
  public int dim() {
    return inner.dim();
  }

  @Override
  public double t0() {
    return inner.t0();
  }

  @Override
  public double t1() {
    return inner.t1();
  }

  @Override
  public void increment(double s, double t, double[] w) {
    inner.increment(s, t, w);
  }

  @Override
  public void spaceTimeIncrement(double s, double t, double[] w, double[] area) {
    inner.spaceTimeIncrement(s, t, w, area);
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
