package org.nde4j.testkit.problems;

import java.util.List;

/**
 * The stiff problems, kept apart from {@link OdeProblems#all()} because explicit methods (and the
 * explicit cross-checks of that registry) cannot solve them in reasonable time.
 */
public final class StiffProblems {
  private StiffProblems() {}

  /** ROBER, VDPOL (scaled and μ = 1000) and the stiff linear problem. */
  public static List<OdeProblem> all() {
    return List.of(new Rober(), VanDerPolStiff.scaled(), VanDerPolStiff.unscaled(),
        StiffLinear.standard());
  }
}
