package org.nde4j.solve.event;

/**
 * An event that happened during a solve: which one ({@code index} into the solve's event list and
 * its name), when, and the state just before any reset was applied.
 */
public record EventRecord(int index, String name, double t, double[] y) {
  public EventRecord {
    y = y.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }
}
