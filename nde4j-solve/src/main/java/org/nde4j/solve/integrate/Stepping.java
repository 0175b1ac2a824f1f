package org.nde4j.solve.integrate;

import java.util.Objects;
import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.StepControl;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.Term;

/**
 * Manual stepping: the caller drives the solve one accepted step at a time (to interleave it with
 * other work, inspect every step, or stop on a condition of its own), with the same solver, step
 * control and failure detection as {@link Solve}, forward or backward in time.
 *
 * <pre>{@code
 * Stepping s = Stepping.start(term, new Tsit5(), PidController.of(1e-8, 1e-8), 0, 10, y0, Double.NaN);
 * while (!s.isDone()) {
 *   s.step();
 *   double[] mid = s.interpolate(0.5 * (s.previousT() + s.t()));
 * }
 * }</pre>
 */
public final class Stepping {
  private static final double UROUND = 0x1p-52;
  private static final int MAX_NONFINITE_RETRIES = 40;
  private final Solver solver;
  private final Stepper stepper;
  private final StepControl control;
  private final double t1;
  private final double dir;
  private double[] y;
  private double[] y1;
  private double t;
  private double tPrev;
  private double end;
  private long steps;
  private long accepted;
  private long rejected;
  private Status status;
  private boolean pendingAccept;

  private Stepping(Term term, Solver solver, StepSizeController controller, double t0, double t1,
      double[] y0, double dt0) {
    this.solver = solver;
    org.nde4j.solve.solver.sde.AbstractSdeSolver.requireSdeSolver(term, solver);
    this.stepper = solver.stepper(term);
    this.control = controller.start(term, solver, t0, t1, y0, dt0);
    control.attach(stepper);
    this.t1 = t1;
    this.dir = Math.signum(t1 - t0);
    this.y = y0.clone();
    this.y1 = new double[y0.length];
    this.t = t0;
    this.tPrev = t0;
    this.end = clamp(control.firstEnd());
    this.status = t0 == t1 ? Status.SUCCESS : null;
  }

  /**
   * Starts stepping from {@code (t0, y0)} towards {@code t1}.
   *
   * @param dt0 first step size, or NaN to let the controller choose
   * @throws IllegalArgumentException as {@link Solve#of} and {@link Solve#run} do for bad input
   */
  public static Stepping start(Term term, Solver solver, StepSizeController controller, double t0,
      double t1, double[] y0, double dt0) {
    Solve.of(term, solver, t0, t1, y0);
    Objects.requireNonNull(controller, "controller");
    if (controller.isAdaptive() && !solver.isAdaptive()) {
      throw new IllegalArgumentException("stepping: controller " + controller + " needs an error"
          + " estimate but solver " + solver.name() + " has none");
    }
    return new Stepping(term, solver, controller, t0, t1, y0, dt0);
  }

  private double clamp(double e) {
    return (e - t1) * dir > 0 ? t1 : e;
  }

  /**
   * Takes one accepted step (retrying rejected attempts with smaller steps).
   *
   * @return true if a step was taken; false once the solve is done (see {@link #status()})
   */
  public boolean step() {
    if (status != null) {
      return false;
    }
    if (pendingAccept) {
      // Declared only now, so that the last step's dense output stayed valid in between.
      stepper.accept();
      pendingAccept = false;
    }
    int nonFinite = 0;
    int newtonFailures = 0;
    while (true) {
      double h = end - t;
      if (0.1 * Math.abs(h) <= Math.abs(t) * UROUND || Math.abs(h) < control.minStep()) {
        status = newtonFailures > 0 ? Status.NONLINEAR_SOLVE_FAILED
            : nonFinite > 0 ? Status.NONFINITE : Status.DT_UNDERFLOW;
        return false;
      }
      double err = stepper.attempt(t, h, y, y1, control.norm());
      steps++;
      if (err == Double.POSITIVE_INFINITY) {
        newtonFailures++;
      } else {
        newtonFailures = 0;
      }
      if (Double.isNaN(err) && (control.norm() == null || ++nonFinite > MAX_NONFINITE_RETRIES)) {
        status = Status.NONFINITE;
        return false;
      }
      if (!control.decide(t, end, err)) {
        rejected++;
        end = clamp(control.nextEnd());
        continue;
      }
      accepted++;
      pendingAccept = true;
      double[] swap = y;
      y = y1;
      y1 = swap;
      tPrev = t;
      t = end;
      if (t == t1) {
        status = Status.SUCCESS;
      } else {
        end = clamp(control.nextEnd());
      }
      return true;
    }
  }

  /** True once the final time is reached or the solve failed. */
  public boolean isDone() {
    return status != null;
  }

  /** How the solve ended, or null while it runs. */
  public Status status() {
    return status;
  }

  /** Current time. */
  public double t() {
    return t;
  }

  /** Start of the last accepted step. */
  public double previousT() {
    return tPrev;
  }

  /** Current state (copy). */
  public double[] y() {
    return y.clone();
  }

  /** Copies the current state into {@code out} (no allocation). */
  public void copyY(double[] out) {
    System.arraycopy(y, 0, out, 0, y.length);
  }

  /**
   * The dense output of the last accepted step at {@code time ∈ [previousT(), t()]}.
   *
   * @throws IllegalStateException before the first step
   * @throws IllegalArgumentException outside the last step
   */
  public double[] interpolate(double time) {
    double[] out = new double[y.length];
    interpolate(time, out);
    return out;
  }

  /**
   * Writes the dense output of the last accepted step at {@code time ∈ [previousT(), t()]} into
   * {@code out} (no allocation; the stepper may evaluate extra stages once per step).
   *
   * @throws IllegalStateException before the first step
   * @throws IllegalArgumentException outside the last step
   */
  public void interpolate(double time, double[] out) {
    if (accepted == 0) {
      throw new IllegalStateException("stepping: no step taken yet");
    }
    if ((time - tPrev) * dir < 0 || (time - t) * dir > 0) {
      throw new IllegalArgumentException("stepping: t = " + time + " is outside the last step ["
          + tPrev + ", " + t + "]");
    }
    // The stepper's last attempt is the accepted step (its acceptance is declared lazily).
    stepper.interpolate((time - tPrev) / (t - tPrev), out);
  }

  /**
   * An immutable copy of the last accepted step's dense output, valid on {@code [previousT(),
   * t()]} (allocates; for callers that keep a trajectory's dense output).
   *
   * @throws IllegalStateException before the first step
   */
  public DenseSegment denseSegment() {
    if (accepted == 0) {
      throw new IllegalStateException("stepping: no step taken yet");
    }
    // Ends exactly at t(), where the next step's segment starts (t + h may round elsewhere).
    return stepper.denseSegment().endingAt(t);
  }

  /** Work so far. */
  public Stats stats() {
    return new Stats(stepper.evaluations() + control.evaluations(), steps, accepted, rejected,
        Double.NaN, stepper.work());
  }

  /** The solver being stepped. */
  public Solver solver() {
    return solver;
  }
}
