package org.nde4j.solve.integrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nde4j.solve.solver.BatchStepper;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.stepsize.StepControl;
import org.nde4j.solve.stepsize.StepSizeController;
import org.nde4j.solve.term.BatchTerm;
import org.nde4j.solve.term.Term;

/**
 * A batch of independent initial-value problems solved <em>per sample</em>: every sample keeps its
 * own time, step size and accept/reject decisions (its own {@link StepControl}), while each stage
 * evaluates the right-hand side once for all samples still running; finished samples stop costing
 * work. Each sample's result equals a separate {@link Solve} of it (same arithmetic). The
 * alternative, lockstep batching, is a plain {@link Solve} of one state holding all samples (one
 * step size for all: cheapest per step, but the stiffest sample sets everybody's step).
 *
 * <p>Saves the initial time, the final time and/or given times ({@link SaveAt#ts}); not every-step
 * output, dense output, output functions or events.
 */
public final class PerSampleSolve {
  private final BatchTerm term;
  private final Solver solver;
  private final double t0;
  private final double t1;
  private final double[][] y0;
  private double dt0 = Double.NaN;
  private StepSizeController controller;
  private SaveAt saveAt = SaveAt.t1();
  private long maxSteps = 100_000;
  private boolean throwOnFailure;

  private PerSampleSolve(BatchTerm term, Solver solver, double t0, double t1, double[][] y0) {
    this.term = term;
    this.solver = solver;
    this.t0 = t0;
    this.t1 = t1;
    this.y0 = y0;
  }

  /**
   * @param y0 one initial state per sample, each of {@code term.size()} values
   * @throws IllegalArgumentException naming the sample and component of a bad initial value, or
   *     if the times are not finite
   */
  public static PerSampleSolve of(BatchTerm term, Solver solver, double t0, double t1,
      double[][] y0) {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(solver, "solver");
    if (!Double.isFinite(t0) || !Double.isFinite(t1)) {
      throw new IllegalArgumentException("per-sample solve: t0 and t1 must be finite, got t0="
          + t0 + ", t1=" + t1);
    }
    if (y0.length == 0) {
      throw new IllegalArgumentException("per-sample solve: no samples");
    }
    double[][] copy = new double[y0.length][];
    for (int i = 0; i < y0.length; i++) {
      if (y0[i].length != term.size()) {
        throw new IllegalArgumentException("per-sample solve: y0[" + i + "] has " + y0[i].length
            + " values but the term acts on " + term.size());
      }
      for (int j = 0; j < y0[i].length; j++) {
        if (!Double.isFinite(y0[i][j])) {
          throw new IllegalArgumentException("per-sample solve: y0[" + i + "][" + j + "] is "
              + y0[i][j]);
        }
      }
      copy[i] = y0[i].clone();
    }
    return new PerSampleSolve(term, solver, t0, t1, copy);
  }

  public PerSampleSolve dt0(double dt) {
    this.dt0 = dt;
    return this;
  }

  /** The controller configuration; each sample gets its own state of it. */
  public PerSampleSolve controller(StepSizeController c) {
    this.controller = Objects.requireNonNull(c, "controller");
    return this;
  }

  /**
   * @throws IllegalArgumentException for every-step, dense or function output
   */
  public PerSampleSolve saveAt(SaveAt s) {
    if (s.saveSteps() || s.saveDense() || s.function() != null) {
      throw new IllegalArgumentException("per-sample solve: saves t0, t1 and ts only, not every"
          + " step, dense output or an output function");
    }
    this.saveAt = s;
    return this;
  }

  public PerSampleSolve maxSteps(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("per-sample solve: maxSteps must be ≥ 1, got " + n);
    }
    this.maxSteps = n;
    return this;
  }

  public PerSampleSolve throwOnFailure(boolean b) {
    this.throwOnFailure = b;
    return this;
  }

  /** Runs the solve. */
  public BatchSolution run() {
    StepSizeController c = controller != null ? controller
        : solver.isAdaptive() ? PidController.of(1e-3, 1e-6) : ConstantStepSize.create();
    if (c.isAdaptive() && !solver.isAdaptive()) {
      throw new IllegalArgumentException("per-sample solve: controller " + c + " needs an error"
          + " estimate but solver " + solver.name() + " has none");
    }
    saveAt.validate(t0, t1);
    BatchSolution result = new Loop(c).run();
    if (throwOnFailure) {
      for (Solution s : result.samples()) {
        if (!s.status().isSuccess()) {
          throw new SolveException(s);
        }
      }
    }
    return result;
  }

  /** The per-sample integrate loop. */
  private final class Loop {
    private static final int MAX_NONFINITE_RETRIES = 40;
    private static final double UROUND = 0x1p-52;
    private final StepSizeController controller;
    private final int batch = y0.length;
    private final int n = term.size();
    private final BatchStepper stepper;
    private final Diagnoses diagnoses;

    Loop(StepSizeController controller) {
      this.controller = controller;
      this.stepper = solver.batchStepper(term, batch);
      this.diagnoses = new Diagnoses(solver, t0, t1, maxSteps, null, new org.nde4j.solve.event
          .Event[0]);
    }

    BatchSolution run() {
      double[] t = new double[batch];
      double[] h = new double[batch];
      double[] end = new double[batch];
      double[] err = new double[batch];
      double[] y = new double[batch * n];
      double[] y1 = new double[batch * n];
      long[] steps = new long[batch];
      long[] accepted = new long[batch];
      long[] rejected = new long[batch];
      int[] nonFinite = new int[batch];
      StepControl[] control = new StepControl[batch];
      Outputs[] outs = new Outputs[batch];
      Solution[] result = new Solution[batch];
      int[] active = new int[batch];
      int m = 0;
      double[] row = new double[n];
      double dir = Math.signum(t1 - t0);
      for (int s = 0; s < batch; s++) {
        System.arraycopy(y0[s], 0, y, s * n, n);
        t[s] = t0;
        outs[s] = new Outputs(saveAt);
        if (saveAt.saveT0()) {
          outs[s].save(t0, y0[s]);
        }
        outs[s].saveTsAt(t0, y0[s]);
        if (t0 == t1) {
          outs[s].saveAllAt(t0, y0[s]);
          result[s] = solution(s, outs[s], t0, y0[s], 0, 0, 0, 0, 0,
              diagnoses.of(Status.SUCCESS, t0, 0, -1, Double.NaN));
          continue;
        }
        control[s] = controller.start(rowTerm(s), solver, t0, t1, y0[s], dt0);
        end[s] = clamp(control[s].firstEnd(), dir);
        active[m++] = s;
      }
      ErrorNorm norm = m > 0 ? control[active[0]].norm() : null;
      while (m > 0) {
        int live = 0;
        for (int r = 0; r < m; r++) {
          int s = active[r];
          h[s] = end[s] - t[s];
          Diagnosis stop = null;
          if (steps[s] >= maxSteps) {
            stop = diagnoses.of(Status.MAX_STEPS, t[s], h[s], -1, Double.NaN);
          } else if (0.1 * Math.abs(h[s]) <= Math.abs(t[s]) * UROUND
              || Math.abs(h[s]) < control[s].minStep() || !(Math.abs(h[s]) > 0)) {
            stop = nonFinite[s] > 0
                ? diagnoses.nonFinite(t[s], h[s], firstBad(y1, s), false, Double.NaN)
                : diagnoses.of(Status.DT_UNDERFLOW, t[s], h[s], -1, Double.NaN);
          }
          if (stop != null) {
            System.arraycopy(y, s * n, row, 0, n);
            result[s] = solution(s, outs[s], t[s], row, steps[s], accepted[s], rejected[s],
                control[s].evaluations(), 0, stop);
          } else {
            active[live++] = s;
          }
        }
        m = live;
        if (m == 0) {
          break;
        }
        stepper.attempt(active, m, t, h, y, y1, norm, err);
        live = 0;
        for (int r = 0; r < m; r++) {
          int s = active[r];
          steps[s]++;
          if (Double.isNaN(err[s])) {
            nonFinite[s]++;
            if (norm == null || nonFinite[s] > MAX_NONFINITE_RETRIES) {
              System.arraycopy(y, s * n, row, 0, n);
              result[s] = solution(s, outs[s], t[s], row, steps[s], accepted[s], rejected[s],
                  control[s].evaluations(), 0,
                  diagnoses.nonFinite(t[s], h[s], firstBad(y1, s), false, Double.NaN));
              continue;
            }
            control[s].decide(t[s], end[s], Double.NaN);
            rejected[s]++;
            end[s] = clamp(control[s].nextEnd(), dir);
            active[live++] = s;
            continue;
          }
          nonFinite[s] = 0;
          if (!control[s].decide(t[s], end[s], err[s])) {
            rejected[s]++;
            end[s] = clamp(control[s].nextEnd(), dir);
            active[live++] = s;
            continue;
          }
          accepted[s]++;
          System.arraycopy(y1, s * n, row, 0, n);
          final int sample = s;
          outs[s].saveTsBetween(t[s], end[s], end[s], row,
              (theta, o) -> stepper.interpolate(sample, theta, o), h[s]);
          stepper.accept(s);
          System.arraycopy(y1, s * n, y, s * n, n);
          t[s] = end[s];
          if (t[s] == t1) {
            outs[s].saveAllAt(t1, row);
            result[s] = solution(s, outs[s], t1, row, steps[s], accepted[s], rejected[s],
                control[s].evaluations(), 0, diagnoses.of(Status.SUCCESS, t1, h[s], -1,
                    Double.NaN));
            continue;
          }
          end[s] = clamp(control[s].nextEnd(), dir);
          active[live++] = s;
        }
        m = live;
      }
      List<Solution> list = new ArrayList<>(batch);
      for (Solution s : result) {
        list.add(s);
      }
      return new BatchSolution(list, stepper.calls());
    }

    private int firstBad(double[] y1, int s) {
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(y1[s * n + i])) {
          return i;
        }
      }
      return 0;
    }

    private double clamp(double e, double dir) {
      return (e - t1) * dir > 0 ? t1 : e;
    }

    private Solution solution(int s, Outputs o, double t, double[] y, long steps, long acc,
        long rej, long controlEvals, long extra, Diagnosis d) {
      long nfe = (stepper == null ? 0 : stepper.evaluations(s)) + controlEvals + extra;
      return new Solution(o.times(), o.states(), t, y.clone(), List.of(), null,
          new Stats(nfe, steps, acc, rej, Double.NaN), d, solver.name());
    }

    /** Sample {@code s} as a single-state term (for the controller's initial step). */
    private Term rowTerm(int s) {
      int[] ids = {s};
      double[] tt = new double[1];
      return new Term() {
        @Override
        public int size() {
          return n;
        }

        @Override
        public void rate(double time, double[] yy, double[] dy) {
          tt[0] = time;
          term.rate(tt, yy, dy, ids, 1);
        }
      };
    }
  }
}
