package org.nde4j.solve.integrate;

import org.nde4j.solve.event.Event;
import org.nde4j.solve.solver.Solver;

/** Writes the {@link Diagnosis} of a solve's end, shared by the single and per-sample loops. */
final class Diagnoses {
  /** Hairer's stiffness test: this many steps with h·ρ beyond the stability boundary. */
  static final int STIFF_STEPS = 15;

  private final Solver solver;
  private final double t0;
  private final double t1;
  private final long maxSteps;
  private final String[] names;
  private final Event[] events;

  Diagnoses(Solver solver, double t0, double t1, long maxSteps, String[] names, Event[] events) {
    this.solver = solver;
    this.t0 = t0;
    this.t1 = t1;
    this.maxSteps = maxSteps;
    this.names = names;
    this.events = events;
  }

  private String name(int i) {
    return names != null ? names[i] + " (component " + i + ")" : "component " + i;
  }

  /**
   * @param inRhs true when the right-hand side itself was non-finite at a finite state
   * @param value the offending value
   */
  Diagnosis nonFinite(double t, double h, int component, boolean inRhs, double value) {
    String cause = inRhs
        ? "The right-hand side returned a non-finite value in " + name(component) + " at t = " + t
            + " (from a finite state), so no smaller step can help."
        : "The state became non-finite in " + name(component) + " (" + value
            + ") on a step from t = " + t + " with dt = " + h
            + (solver.isAdaptive() ? ", and shrinking the step did not help." : ".");
    String suggestion = "Check the model for divisions by zero, logarithms or square roots of"
        + " negative values, or a solution that blows up near t = " + t + ".";
    return new Diagnosis(Status.NONFINITE, t, h, component, cause, suggestion);
  }

  Diagnosis of(Status status, double t, double lastDt, int eventIndex, double stiffAt) {
    String span = "[" + t0 + ", " + t1 + "]";
    double done = (t - t0) / (t1 - t0) * 100;
    return switch (status) {
      case SUCCESS -> new Diagnosis(status, t, lastDt, -1, "Reached t = " + t + ".",
          stiffHint(stiffAt, ""));
      case EVENT -> new Diagnosis(status, t, lastDt, -1, "Stopped at terminal event '"
          + events[eventIndex].name() + "' at t = " + t + ".", "");
      case MAX_STEPS -> new Diagnosis(status, t, lastDt, -1, "Used all " + maxSteps
          + " steps and reached t = " + t + String.format(" (%.3g%% of %s)", done, span)
          + "; the last step size was " + lastDt + ".", stiffHint(stiffAt, "Raise maxSteps, or"
          + " loosen the tolerances."));
      case DT_UNDERFLOW -> new Diagnosis(status, t, lastDt, -1, "The step size fell to " + lastDt
          + " at t = " + t + ", below what the controller or round-off allows.",
          stiffHint(stiffAt, "The solution may blow up near t = " + t + " (a finite-time"
          + " singularity), have a discontinuity there (declare it with jumpTs of a"
          + " ClipController), or the tolerances may be too tight for double precision."));
      case NONLINEAR_SOLVE_FAILED -> new Diagnosis(status, t, lastDt, -1, "The implicit stage"
          + " equations of " + solver.name() + " (Newton iteration, or the linear system I − γhJ)"
          + " could not be solved at t = " + t + ", even with the step shrunk to " + lastDt + ".",
          "The Jacobian may be singular, non-finite or wrong near t = " + t + ", or the solution"
          + " may jump there; check the model, give a smaller dt0, or try another stiff method.");
      default -> throw new IllegalStateException(status.toString());
    };
  }

  private String stiffHint(double stiffAt, String otherwise) {
    if (Double.isNaN(stiffAt)) {
      return otherwise;
    }
    return "The problem looks stiff from t ≈ " + stiffAt + " on: for " + STIFF_STEPS
        + " steps the step size was limited by the stability of " + solver.name() + ", not by"
        + " accuracy (Hairer's test). Use an implicit (stiff) solver." + (otherwise.isEmpty() ? ""
        : " " + otherwise);
  }
}
