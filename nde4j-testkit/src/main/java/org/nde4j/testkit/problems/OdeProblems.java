package org.nde4j.testkit.problems;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of {@link OdeProblem}s: every problem of this package under its
 * {@link OdeProblem#name() name}, for parameterised solver tests.
 */
public final class OdeProblems {
  private OdeProblems() {}

  /**
   * Every registered problem, in a fixed order: {@code linear-10}, {@code detest-a1} …
   * {@code detest-a5}, {@code hipparchus-p2}, {@code hipparchus-p6}, {@code arenstorf},
   * {@code rigid-body}, {@code kepler-e0.9}, {@code brusselator}, {@code lorenz-t1},
   * {@code lorenz-t2}, {@code lorenz-t5}. New instances on every call.
   */
  public static List<OdeProblem> all() {
    List<OdeProblem> all = new ArrayList<>();
    all.add(LinearProblem.standard());
    all.addAll(DetestA.all());
    all.add(new HipparchusP2());
    all.add(new HipparchusP6());
    all.add(new Arenstorf());
    all.add(new RigidBody());
    all.add(new Kepler());
    all.add(new Brusselator());
    for (double t : Lorenz.storedTimes()) {
      all.add(Lorenz.until(t));
    }
    return List.copyOf(all);
  }

  /** The names of {@link #all()}, in the same order. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (OdeProblem p : all()) {
      names.add(p.name());
    }
    return List.copyOf(names);
  }

  /**
   * The problem called {@code name}.
   *
   * @throws IllegalArgumentException naming the known problems if there is none by that name
   */
  public static OdeProblem byName(String name) {
    for (OdeProblem p : all()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown ODE problem '" + name + "' (known: "
        + String.join(" ", names()) + ")");
  }
}
