package org.nde4j.solve.stepsize;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.Term;

/**
 * Fixed steps of the user's {@code dt0}; step {@code i} ends at {@code t0 + i·dt0} exactly as
 * computed (no accumulated round-off) and the last one is shortened to land on {@code t1}. Every
 * step is accepted.
 */
public final class ConstantStepSize implements StepSizeController {
  private static final ConstantStepSize INSTANCE = new ConstantStepSize();

  /** The controller; the step size is the solve's {@code dt0}. */
  public static ConstantStepSize create() {
    return INSTANCE;
  }

  private ConstantStepSize() {}

  @Override
  public boolean isAdaptive() {
    return false;
  }

  @Override
  public StepControl start(Term term, Solver solver, double t0, double t1, double[] y0,
      double dt0) {
    if (!(dt0 > 0) || Double.isInfinite(dt0)) {
      throw new IllegalArgumentException("constant step size: dt0 must be a finite positive"
          + " number, got " + dt0);
    }
    double h = Math.copySign(dt0, t1 - t0);
    return new FixedControl() {
      private long index = 1;

      @Override
      public double firstEnd() {
        return t0 + h;
      }

      @Override
      public boolean decide(double start, double end, double error) {
        index++;
        return true;
      }

      @Override
      public double nextEnd() {
        return t0 + index * h;
      }

      @Override
      public void truncate(double t) {
        index--;
      }
    };
  }

  @Override
  public String toString() {
    return "constant";
  }
}
