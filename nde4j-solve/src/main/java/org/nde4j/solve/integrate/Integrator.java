package org.nde4j.solve.integrate;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.solve.event.Event;
import org.nde4j.solve.event.EventRecord;
import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.stepsize.StepControl;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.Term;

/**
 * The integrate loop of one solve: attempt, accept or reject, locate events on the dense output,
 * save outputs, diagnose failures. Allocation-free per step unless outputs are saved per step,
 * dense output is kept, or an event happens.
 */
final class Integrator {
  /** Hairer's stiffness test: this many steps with h·ρ beyond the stability boundary … */
  private static final int STIFF_STEPS = Diagnoses.STIFF_STEPS;
  /** … unless this many steps in between were clearly not stability-limited. */
  private static final int NONSTIFF_STEPS = 6;
  /** Consecutive non-finite attempts (each with a smaller step) before giving up. */
  private static final int MAX_NONFINITE_RETRIES = 40;
  /** Unit round-off of double precision. */
  private static final double UROUND = 0x1p-52;

  private final Term term;
  private final Solver solver;
  private final StepSizeController controller;
  private final double t0;
  private final double t1;
  private final double dir;
  private final double[] y0;
  private final double dt0;
  private final SaveAt saveAt;
  private final long maxSteps;
  private final Event[] events;
  private final String[] names;

  private final Outputs out;
  private final Diagnoses diagnoses;
  private final List<EventRecord> eventLog = new ArrayList<>();
  private final List<DenseSegment> dense;
  private Stepper stepper;
  private long steps;
  private long accepted;
  private long rejected;
  private long rejectedNonlinear;
  private long rejectedNonFinite;
  private long extraEvals;
  private double stiffAt = Double.NaN;
  private int stiffCount;
  private int nonStiffCount;

  Integrator(Term term, Solver solver, StepSizeController controller, double t0, double t1,
      double[] y0, double dt0, SaveAt saveAt, long maxSteps, Event[] events, String[] names) {
    this.term = term;
    this.solver = solver;
    this.controller = controller;
    this.t0 = t0;
    this.t1 = t1;
    this.dir = Math.signum(t1 - t0);
    this.y0 = y0;
    this.dt0 = dt0;
    this.saveAt = saveAt;
    this.maxSteps = maxSteps;
    this.events = events;
    this.names = names;
    this.out = new Outputs(saveAt);
    this.diagnoses = new Diagnoses(solver, t0, t1, maxSteps, names, events);
    this.dense = saveAt.saveDense() ? new ArrayList<>() : null;
  }

  Solution run() {
    int n = y0.length;
    double[] y = y0.clone();
    if (saveAt.saveT0()) {
      out.save(t0, y);
    }
    if (t0 == t1) {
      out.saveAllAt(t0, y);
      return finish(t0, y, 0, diagnoses.of(Status.SUCCESS, t0, 0, -1, stiffAt));
    }
    if (controller.isAdaptive() && !solver.isAdaptive()) {
      throw new IllegalArgumentException("solve: controller " + controller + " needs an error"
          + " estimate but solver " + solver.name() + " has none; give dt0 and a constant step"
          + " size, or wrap the solver with step doubling");
    }
    org.nde4j.solve.solver.sde.AbstractSdeSolver.requireSdeSolver(term, solver);
    stepper = solver.stepper(term);
    StepControl control = controller.start(term, solver, t0, t1, y, dt0);
    control.attach(stepper);
    ErrorNorm norm = control.norm();
    out.saveTsAt(t0, y);
    double[] y1 = new double[n];
    double[] yEvent = new double[n];
    double[] gPrev = new double[events.length];
    double[] gNow = new double[events.length];
    evaluateEvents(t0, y, gPrev);
    EventLocator locator = new EventLocator(stepper, n);
    Outputs.Dense interpolation = stepper::interpolate;

    double t = t0;
    double end = clamp(control.firstEnd());
    double lastDt = end - t;
    int nonFinite = 0;
    int newtonFailures = 0;
    int badComponent = -1;
    while (true) {
      if (steps >= maxSteps) {
        return finish(t, y, stepper.evaluations() + control.evaluations(),
            diagnoses.of(Status.MAX_STEPS, t, lastDt, -1, stiffAt));
      }
      double h = end - t;
      // Hairer's test (dopri5.f): a step below ten units of round-off in t cannot make progress.
      if (0.1 * Math.abs(h) <= Math.abs(t) * UROUND || Math.abs(h) < control.minStep()
          || !(Math.abs(h) > 0)) {
        long nfe = stepper.evaluations() + control.evaluations();
        if (newtonFailures > 0) {
          return finish(t, y, nfe, diagnoses.of(Status.NONLINEAR_SOLVE_FAILED, t, h, -1, stiffAt));
        }
        if (nonFinite > 0) {
          // The steps shrank because every attempt went non-finite: say so.
          return finish(t, y, nfe,
              diagnoses.nonFinite(t, lastDt, badComponent, false, y1[badComponent]));
        }
        return finish(t, y, nfe, diagnoses.of(Status.DT_UNDERFLOW, t, h, -1, stiffAt));
      }
      double error = stepper.attempt(t, h, y, y1, norm);
      steps++;
      lastDt = h;
      if (error == Double.POSITIVE_INFINITY) {
        if (norm == null) {
          // Fixed steps cannot shrink: the failure is final.
          return finish(t, y, stepper.evaluations() + control.evaluations(),
              diagnoses.of(Status.NONLINEAR_SOLVE_FAILED, t, h, -1, stiffAt));
        }
        // The method's nonlinear solve failed: reject, shrink, retry.
        newtonFailures++;
        control.decide(t, end, error);
        rejected++;
        rejectedNonlinear++;
        end = clamp(control.nextEnd());
        continue;
      }
      newtonFailures = 0;
      if (Double.isNaN(error) || Double.isInfinite(error)) {
        nonFinite++;
        int bad = nonFiniteComponent(t, y, y1);
        badComponent = bad >= 0 ? bad : -bad - 1;
        if (norm == null || nonFinite > MAX_NONFINITE_RETRIES || bad < 0) {
          int component = bad >= 0 ? bad : -bad - 1;
          return finish(t, y, stepper.evaluations() + control.evaluations(),
              diagnoses.nonFinite(t, h, component, bad < 0, y1[component]));
        }
        control.decide(t, end, Double.NaN);
        rejected++;
        rejectedNonFinite++;
        end = clamp(control.nextEnd());
        continue;
      }
      nonFinite = 0;
      if (!control.decide(t, end, error)) {
        rejected++;
        end = clamp(control.nextEnd());
        continue;
      }
      accepted++;
      trackStiffness(stepper.stiffnessRatio(), end);

      // Events: the earliest one in (t, end].
      int fired = -1;
      double tFire = end;
      if (events.length > 0) {
        evaluateEvents(end, y1, gNow);
        for (int i = 0; i < events.length; i++) {
          Event e = events[i];
          double te;
          if (e.isContinuous()) {
            te = locator.find(e, t, h, gPrev[i], gNow[i]);
            if (Double.isNaN(te)) {
              continue;
            }
          } else if (e.condition().test(end, y1)) {
            te = end;
          } else {
            continue;
          }
          if (fired < 0 || (te - tFire) * dir < 0) {
            fired = i;
            tFire = te;
          }
        }
      }
      if (dense != null) {
        DenseSegment seg = stepper.denseSegment();
        dense.add(fired >= 0 && tFire != end ? seg.endingAt(tFire) : seg);
      }
      out.saveTsBetween(t, tFire, end, y1, interpolation, h);
      if (fired < 0) {
        if (saveAt.saveSteps()) {
          out.save(end, y1);
        }
        stepper.accept();
        double[] swap = y;
        y = y1;
        y1 = swap;
        double[] g = gPrev;
        gPrev = gNow;
        gNow = g;
        t = end;
        if (control.endedOnJump()) {
          // The step stopped one ulp short of the discontinuity; continue from its other side.
          stepper.restart();
          t = Math.nextAfter(end, dir * Double.POSITIVE_INFINITY);
        }
        if (t == t1) {
          out.saveAllAt(t, y);
          return finish(t, y, stepper.evaluations() + control.evaluations(),
              diagnoses.of(Status.SUCCESS, t, lastDt, -1, stiffAt));
        }
        end = clamp(control.nextEnd());
        continue;
      }
      // An event happened at tFire.
      if (tFire == end) {
        System.arraycopy(y1, 0, yEvent, 0, n);
      } else {
        stepper.interpolate((tFire - t) / h, yEvent);
      }
      Event e = events[fired];
      eventLog.add(new EventRecord(fired, e.name(), tFire, yEvent));
      if (saveAt.saveSteps()) {
        out.save(tFire, yEvent);
      }
      t = tFire;
      System.arraycopy(yEvent, 0, y, 0, n);
      if (e.isTerminal()) {
        out.saveAllAt(t, y);
        return finish(t, y, stepper.evaluations() + control.evaluations(),
            diagnoses.of(Status.EVENT, t, lastDt, fired, stiffAt));
      }
      if (e.reset() != null) {
        e.reset().reset(t, y);
      }
      stepper.restart();
      if (t != end) {
        control.truncate(t);
      }
      evaluateEvents(t, y, gPrev);
      // The event just handled sits at a zero of its function: let it re-arm only once it has
      // moved away from zero, so the same crossing is not found twice.
      if (events[fired].isContinuous()) {
        gPrev[fired] = 0;
      }
      if (t == t1) {
        out.saveAllAt(t, y);
        return finish(t, y, stepper.evaluations() + control.evaluations(),
            diagnoses.of(Status.SUCCESS, t, lastDt, -1, stiffAt));
      }
      end = clamp(control.nextEnd());
    }
  }

  private double clamp(double end) {
    return (end - t1) * dir > 0 ? t1 : end;
  }

  private void evaluateEvents(double t, double[] y, double[] g) {
    for (int i = 0; i < events.length; i++) {
      if (events[i].isContinuous()) {
        g[i] = events[i].function().value(t, y);
      }
    }
  }

  /**
   * The first non-finite component of the candidate state; or, when the right-hand side is
   * already non-finite at the accepted state (so no smaller step can help), {@code −(i + 1)} for
   * its first non-finite component.
   */
  private int nonFiniteComponent(double t, double[] y, double[] y1) {
    double[] f = new double[y.length];
    term.rate(t, y, f);
    extraEvals++;
    for (int i = 0; i < f.length; i++) {
      if (!Double.isFinite(f[i])) {
        return -(i + 1);
      }
    }
    for (int i = 0; i < y1.length; i++) {
      if (!Double.isFinite(y1[i])) {
        return i;
      }
    }
    return 0;
  }

  private void trackStiffness(double ratio, double t) {
    if (Double.isNaN(ratio) || !Double.isNaN(stiffAt)) {
      return;
    }
    if (ratio > 0.98) {
      nonStiffCount = 0;
      if (++stiffCount >= STIFF_STEPS) {
        stiffAt = t;
      }
    } else if (++nonStiffCount >= NONSTIFF_STEPS) {
      stiffCount = 0;
    }
  }

  private Solution finish(double t, double[] y, long nfe, Diagnosis diagnosis) {
    Diagnosis d = diagnosis;
    String note = stepper == null ? "" : stepper.note();
    if (!note.isEmpty()) {
      d = new Diagnosis(d.status(), d.tReached(), d.lastDt(), d.component(),
          d.cause() + " " + note, d.suggestion());
    }
    Stats stats = new Stats(nfe + extraEvals, steps, accepted, rejected, stiffAt,
        stepper == null ? org.nde4j.solve.solver.Work.NONE : stepper.work(), rejectedNonlinear,
        rejectedNonFinite);
    return new Solution(out.times(), out.states(), t, y.clone(), eventLog, dense, stats, d,
        solver.name());
  }
}
