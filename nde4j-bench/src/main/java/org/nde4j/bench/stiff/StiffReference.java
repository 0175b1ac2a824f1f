package org.nde4j.bench.stiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.PidController;

/**
 * The tight reference {@code y(t1)} of a W2 problem against which the {@code stiff} suite scores
 * every solve (and re-scores the scipy peer's final states): nde4j's own most accurate available
 * stiff method at rtol = {@value #RTOL}, atol = {@value #ATOL} (the tolerances of the scipy
 * peer's Radau reference), computed once per run.
 *
 * @param y the reference state, or {@code null} when none could be computed
 * @param method catalogue name of the method that computed it, or {@code null}
 * @param steps accepted steps of the reference solve
 * @param remark why there is no reference, or which preferred methods failed first; may be empty
 */
public record StiffReference(double[] y, String method, long steps, String remark) {
  /** Relative tolerance of the reference solve. */
  public static final double RTOL = 1e-13;
  /** Absolute tolerance of the reference solve. */
  public static final double ATOL = 1e-16;
  /** Step budget of the reference solve. */
  static final long MAX_STEPS = 20_000_000L;

  /**
   * Solves {@code problem} with the first method of {@code preference} that is in the catalogue and
   * succeeds; a failed attempt is named in {@link #remark} and the next method tried.
   */
  static StiffReference compute(StiffProblem problem, List<String> preference) {
    List<String> failures = new ArrayList<>();
    for (String candidate : preference) {
      String name = StiffMethods.catalogueName(candidate);
      if (name == null) {
        continue;
      }
      try {
        Solution s = Solve.of(problem.term(), SolverCatalogue.byName(name), problem.t0(),
            problem.t1(), problem.y0()).controller(PidController.of(RTOL, ATOL))
            .maxSteps(MAX_STEPS).run();
        if (s.status() == Status.SUCCESS) {
          String remark = failures.isEmpty() ? "" : "after " + String.join("; ", failures);
          return new StiffReference(s.yEnd(), name, s.stats().accepted(), remark);
        }
        failures.add(name + " failed: " + s.diagnosis());
      } catch (RuntimeException e) {
        failures.add(name + " threw " + e);
      }
    }
    String why = failures.isEmpty()
        ? "no reference method (" + String.join(", ", preference) + ") in the solver catalogue"
        : String.join("; ", failures);
    return new StiffReference(null, null, 0, why);
  }

  /** True when there is a reference state. */
  public boolean exists() {
    return y != null;
  }

  /** The reference state (copy). */
  @Override
  public double[] y() {
    return y == null ? null : y.clone();
  }

  /** What the errors are measured against, for notes. */
  public String describe() {
    if (!exists()) {
      return "no reference: " + remark;
    }
    String s = String.format(Locale.ROOT, "nde4j %s at rtol=%.0e atol=%.0e, %d steps", method, RTOL,
        ATOL, steps);
    return remark.isEmpty() ? s : s + " (" + remark + ")";
  }
}
