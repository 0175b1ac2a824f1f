package org.nde4j.solve.adjoint;

import java.util.function.Consumer;
import org.nde4j.solve.integrate.Stats;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.integrate.Stepping;
import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.stepsize.ClipController;
import org.nde4j.solve.term.Term;

/**
 * The forward solve shared by the adjoints: steps the bound term with the problem's solver and
 * controller, forcing step ends at the save times, and reports every accepted step to a listener.
 */
final class ForwardLoop {
  /** Receives each accepted step {@code k} from {@code (t, y)} to {@code (tNext, yNext)}. */
  interface Listener {
    void accepted(int k, double t, double tNext, double[] y, double[] yNext);
  }

  /** What the forward solve produced. */
  record Result(double[][] ys, int[] saveStep, int steps, Status status, Stats stats) {}

  private ForwardLoop() {}

  static Result run(GradientSolve p, Term term, Listener listener) {
    return run(p, term, listener, null);
  }

  /**
   * As {@link #run(GradientSolve, Term, Listener)}, handing each accepted step's dense output to
   * {@code dense} (unless null) before the listener sees the step.
   */
  static Result run(GradientSolve p, Term term, Listener listener,
      Consumer<DenseSegment> dense) {
    double[] ts = p.ts();
    double[] interior = new double[ts.length];
    int m = 0;
    for (double s : ts) {
      if (s != p.t0() && s != p.t1()) {
        interior[m++] = s;
      }
    }
    Stepping stepping = Stepping.start(term, p.solver(),
        ClipController.of(p.controller(), java.util.Arrays.copyOf(interior, m), null), p.t0(),
        p.t1(), p.y0(), p.dt0());
    int n = term.size();
    double[][] ys = new double[ts.length][];
    int[] saveStep = new int[ts.length];
    int next = 0;
    double[] y = p.y0();
    double[] yNext = new double[n];
    while (next < ts.length && ts[next] == p.t0()) {
      ys[next] = y.clone();
      saveStep[next++] = 0;
    }
    int k = 0;
    Status status = null;
    while (status == null) {
      if (k >= p.maxSteps()) {
        status = Status.MAX_STEPS;
        break;
      }
      double t = stepping.t();
      if (!stepping.step()) {
        status = stepping.status();
        break;
      }
      stepping.copyY(yNext);
      if (dense != null) {
        dense.accept(stepping.denseSegment());
      }
      listener.accepted(k, t, stepping.t(), y, yNext);
      k++;
      while (next < ts.length && ts[next] == stepping.t()) {
        ys[next] = yNext.clone();
        saveStep[next++] = k;
      }
      double[] swap = y;
      y = yNext;
      yNext = swap;
      if (stepping.isDone()) {
        status = stepping.status();
      }
    }
    return new Result(ys, saveStep, k, status, stepping.stats());
  }
}
