package org.nde4j.solve.stepsize;

import java.util.Arrays;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.Term;

/**
 * Wraps another controller so that steps land exactly on given times: {@code stepTs} (times the
 * solver must step to, e.g. where a forcing changes character) and {@code jumpTs} (discontinuities
 * of the vector field: the step ends one ulp before the jump, the next starts at it, and the
 * solver restarts, discarding
 * first-same-as-last stages, so no step straddles the jump and no rejected-step storm happens).
 * Diffrax calls this {@code ClipStepSizeController}.
 *
 * <p>After a step shortened to hit such a time, the next proposal is the longer of the inner
 * controller's proposal and the step that was cut, so clipping does not shrink the step size.
 */
public final class ClipController implements StepSizeController {
  private final StepSizeController inner;
  private final double[] stepTs;
  private final double[] jumpTs;

  private ClipController(StepSizeController inner, double[] stepTs, double[] jumpTs) {
    this.inner = inner;
    this.stepTs = stepTs;
    this.jumpTs = jumpTs;
  }

  /**
   * @throws IllegalArgumentException if a time is not finite
   */
  public static ClipController of(StepSizeController inner, double[] stepTs, double[] jumpTs) {
    return new ClipController(inner, sorted("stepTs", stepTs), sorted("jumpTs", jumpTs));
  }

  private static double[] sorted(String name, double[] ts) {
    double[] r = ts == null ? new double[0] : ts.clone();
    for (int i = 0; i < r.length; i++) {
      if (!Double.isFinite(r[i])) {
        throw new IllegalArgumentException("clip controller: " + name + "[" + i + "] is " + r[i]);
      }
    }
    Arrays.sort(r);
    return r;
  }

  @Override
  public boolean isAdaptive() {
    return inner.isAdaptive();
  }

  @Override
  public StepControl start(Term term, Solver solver, double t0, double t1, double[] y0,
      double dt0) {
    return new Control(inner.start(term, solver, t0, t1, y0, dt0), Math.signum(t1 - t0), t0);
  }

  /** One solve's state. */
  private final class Control implements StepControl {
    private final StepControl in;
    private final double dir;
    private final double first;
    private boolean clipped;
    private boolean clippedAtJump;
    private double cutLength;
    private boolean jump;
    private double base;
    private double nextEnd;

    Control(StepControl in, double dir, double t0) {
      this.in = in;
      this.dir = dir;
      this.first = clip(t0, in.firstEnd());
    }

    /** The proposed end, moved back to the first forced time strictly after {@code start}. */
    private double clip(double start, double end) {
      clipped = false;
      clippedAtJump = false;
      double s = firstAfter(stepTs, start);
      double j = firstAfter(jumpTs, start);
      double bound = end;
      if (!Double.isNaN(s) && (s - bound) * dir < 0) {
        bound = s;
        clipped = true;
      }
      if (!Double.isNaN(j) && (j - bound) * dir <= 0) {
        // End one ulp before the jump so that no stage samples the far side of it; the loop
        // continues from the jump itself (as Diffrax does with prevbefore/nextafter).
        clipped = true;
        clippedAtJump = true;
        bound = Math.nextAfter(j, -dir * Double.POSITIVE_INFINITY);
      }
      if (clipped) {
        cutLength = Math.abs(end - start);
      }
      return bound;
    }

    private double firstAfter(double[] ts, double start) {
      if (dir > 0) {
        for (double v : ts) {
          if (v > start) {
            return v;
          }
        }
      } else {
        for (int i = ts.length - 1; i >= 0; i--) {
          if (ts[i] < start) {
            return ts[i];
          }
        }
      }
      return Double.NaN;
    }

    @Override
    public ErrorNorm norm() {
      return in.norm();
    }

    @Override
    public void attach(org.nde4j.solve.solver.Stepper stepper) {
      in.attach(stepper);
    }

    @Override
    public double firstEnd() {
      return first;
    }

    @Override
    public boolean decide(double t0, double t1, double error) {
      boolean wasClipped = clipped;
      boolean atJump = clippedAtJump;
      boolean accept = in.decide(t0, t1, error);
      jump = accept && atJump;
      base = accept ? t1 : t0;
      if (jump) {
        base = Math.nextAfter(t1, dir * Double.POSITIVE_INFINITY);
      }
      double proposal = in.nextEnd();
      if (accept && wasClipped) {
        double len = Math.max(Math.abs(proposal - base), cutLength);
        proposal = base + dir * len;
      }
      nextEnd = clip(base, proposal);
      return accept;
    }

    @Override
    public double nextEnd() {
      return nextEnd;
    }

    @Override
    public void truncate(double t) {
      in.truncate(t);
      base = t;
      jump = false;
      nextEnd = clip(t, in.nextEnd());
    }

    @Override
    public boolean endedOnJump() {
      return jump;
    }

    @Override
    public double minStep() {
      return in.minStep();
    }

    @Override
    public long evaluations() {
      return in.evaluations();
    }
  }

  @Override
  public String toString() {
    return "clip(" + inner + ", " + stepTs.length + " step times, " + jumpTs.length + " jumps)";
  }
}
