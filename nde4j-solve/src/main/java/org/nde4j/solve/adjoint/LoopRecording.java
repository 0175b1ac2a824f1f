package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Stats;
import org.nde4j.solve.integrate.Status;

/** What every recording reads from its forward loop: the saved states, the status, the counters. */
abstract class LoopRecording implements Recording {
  final ForwardLoop.Result result;

  LoopRecording(ForwardLoop.Result result) {
    this.result = result;
  }

  @Override
  public final double[][] ys() {
    return Backward.copy(result.ys());
  }

  @Override
  public final Status status() {
    return result.status();
  }

  @Override
  public final Stats stats() {
    return result.stats();
  }
}
