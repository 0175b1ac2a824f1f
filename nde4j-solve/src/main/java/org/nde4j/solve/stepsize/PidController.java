package org.nde4j.solve.stepsize;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.Term;

/**
 * Adaptive step size from the solver's embedded error estimate: the PID controller of Söderlind
 * (<i>Digital filters in adaptive time-stepping</i>, ACM TOMS 29(1):1–26, 2003) in the form used by
 * Hairer and Diffrax, {@code h_{n+1} = h_n · clamp(safety · r_n^{−β1} · r_{n−1}^{−β2} ·
 * r_{n−2}^{−β3}, factorMin, factorMax)} with {@code β1 = (P + I + D)/k}, {@code β2 = −(P + 2D)/k},
 * {@code β3 = D/k} and {@code k = errorOrder + 1}. The defaults (P = D = 0, I = 1, safety 0.9,
 * factors 0.2 … 10) are the classic integral controller of {@code dopri5.f} and Hipparchus, so step
 * sequences match theirs. The first step comes from Hairer's starting-step algorithm unless the
 * solve gives {@code dt0}. With a stepper that is a {@link org.nde4j.solve.solver.StepProposer}
 * (BDF) the step size is the stepper's proposal, bounded by {@code dtmax}; acceptance is still
 * {@code error ≤ 1}.
 *
 * <p>Immutable; the {@code with…} methods return modified copies.
 */
public final class PidController implements StepSizeController {
  private final double rtol;
  private final double atol;
  private final double pcoeff;
  private final double icoeff;
  private final double dcoeff;
  private final double safety;
  private final double factorMin;
  private final double factorMax;
  private final double dtmin;
  private final double dtmax;
  private final ErrorNorm norm;

  private PidController(double rtol, double atol, double pcoeff, double icoeff, double dcoeff,
      double safety, double factorMin, double factorMax, double dtmin, double dtmax,
      ErrorNorm norm) {
    Tolerances.check(rtol, atol);
    if (!(safety > 0 && safety <= 1)) {
      throw new IllegalArgumentException("PID controller: safety must be in (0, 1], got "
          + safety);
    }
    if (!(factorMin > 0 && factorMin < 1 && factorMax > 1)) {
      throw new IllegalArgumentException("PID controller: need 0 < factorMin < 1 < factorMax, got "
          + factorMin + " and " + factorMax);
    }
    if (!(dtmin >= 0 && dtmax > dtmin)) {
      throw new IllegalArgumentException("PID controller: need 0 ≤ dtmin < dtmax, got dtmin="
          + dtmin + ", dtmax=" + dtmax);
    }
    this.rtol = rtol;
    this.atol = atol;
    this.pcoeff = pcoeff;
    this.icoeff = icoeff;
    this.dcoeff = dcoeff;
    this.safety = safety;
    this.factorMin = factorMin;
    this.factorMax = factorMax;
    this.dtmin = dtmin;
    this.dtmax = dtmax;
    this.norm = norm == null ? ErrorNorm.rms(rtol, atol) : norm;
  }

  /**
   * The integral controller with relative and absolute tolerances and the weighted RMS norm.
   *
   * @throws IllegalArgumentException if a tolerance is negative or not finite, or both are 0
   */
  public static PidController of(double rtol, double atol) {
    return new PidController(rtol, atol, 0, 1, 0, 0.9, 0.2, 10, 0, Double.POSITIVE_INFINITY,
        null);
  }

  /** PID coefficients (e.g. P = 0.4, I = 0.3 is a good choice for stiff-ish problems). */
  public PidController withCoefficients(double p, double i, double d) {
    return new PidController(rtol, atol, p, i, d, safety, factorMin, factorMax, dtmin, dtmax,
        norm);
  }

  /** Safety factor in (0, 1]. */
  public PidController withSafety(double s) {
    return new PidController(rtol, atol, pcoeff, icoeff, dcoeff, s, factorMin, factorMax, dtmin,
        dtmax, norm);
  }

  /** Bounds on the factor by which a step may shrink or grow. */
  public PidController withFactors(double min, double max) {
    return new PidController(rtol, atol, pcoeff, icoeff, dcoeff, safety, min, max, dtmin, dtmax,
        norm);
  }

  /**
   * Bounds on the step size (magnitudes). A step that would have to be smaller than {@code dtmin}
   * ends the solve with status DT_UNDERFLOW.
   */
  public PidController withDtBounds(double min, double max) {
    return new PidController(rtol, atol, pcoeff, icoeff, dcoeff, safety, factorMin, factorMax,
        min, max, norm);
  }

  /** The error norm (default: weighted RMS with this controller's tolerances). */
  public PidController withNorm(ErrorNorm n) {
    return new PidController(rtol, atol, pcoeff, icoeff, dcoeff, safety, factorMin, factorMax,
        dtmin, dtmax, n);
  }

  /** Relative tolerance. */
  public double rtol() {
    return rtol;
  }

  /** Absolute tolerance. */
  public double atol() {
    return atol;
  }

  /** Smallest step allowed (magnitude). */
  public double dtmin() {
    return dtmin;
  }

  @Override
  public boolean isAdaptive() {
    return true;
  }

  @Override
  public StepControl start(Term term, Solver solver, double t0, double t1, double[] y0,
      double dt0) {
    if (!solver.isAdaptive()) {
      throw new IllegalArgumentException("PID controller: solver " + solver.name() + " has no"
          + " error estimate; use a constant step size, or wrap it with step doubling");
    }
    double dir = Math.signum(t1 - t0);
    double h0;
    long evals = 0;
    if (Double.isNaN(dt0)) {
      h0 = InitialStep.select(term, t0, t1, y0, solver.order(), rtol, atol, dtmax);
      evals = 2;
    } else if (dt0 > 0 && Double.isFinite(dt0)) {
      h0 = dir * Math.min(dt0, dtmax);
    } else {
      throw new IllegalArgumentException("PID controller: dt0 must be a finite positive number,"
          + " got " + dt0);
    }
    return new Control(t0 + h0, h0, solver.errorOrder() + 1, evals);
  }

  /** One solve's controller state. */
  private final class Control implements StepControl {
    private final double beta1;
    private final double beta2;
    private final double beta3;
    private final double first;
    private final long evals;
    private double prev1 = 1;
    private double prev2 = 1;
    private double h;
    private double base;
    private org.nde4j.solve.solver.StepProposer proposer;

    Control(double firstEnd, double h0, int k, long evals) {
      this.beta1 = (pcoeff + icoeff + dcoeff) / k;
      this.beta2 = -(pcoeff + 2 * dcoeff) / k;
      this.beta3 = dcoeff / k;
      this.first = firstEnd;
      this.h = h0;
      this.evals = evals;
    }

    @Override
    public ErrorNorm norm() {
      return norm;
    }

    @Override
    public double firstEnd() {
      return first;
    }

    @Override
    public void attach(org.nde4j.solve.solver.Stepper stepper) {
      proposer = stepper instanceof org.nde4j.solve.solver.StepProposer p ? p : null;
    }

    @Override
    public boolean decide(double t0, double t1, double error) {
      double step = t1 - t0;
      if (Double.isNaN(error)) {
        h = step * factorMin;
        base = t0;
        return false;
      }
      boolean accept = error <= 1;
      double proposal = proposer == null ? Double.NaN : proposer.proposedStep();
      double factor;
      if (!Double.isNaN(proposal)) {
        factor = proposal / step;
      } else if (error == 0) {
        factor = factorMax;
      } else {
        double inv = 1 / error;
        factor = safety * Math.pow(inv, beta1);
        if (beta2 != 0) {
          factor *= Math.pow(prev1, beta2);
        }
        if (beta3 != 0) {
          factor *= Math.pow(prev2, beta3);
        }
        factor = Math.min(factorMax, Math.max(factorMin, factor));
      }
      double hNew = step * factor;
      if (Math.abs(hNew) > dtmax) {
        hNew = Math.copySign(dtmax, hNew);
      }
      h = hNew;
      if (accept) {
        prev2 = prev1;
        prev1 = error == 0 ? 1 : 1 / error;
        base = t1;
      } else {
        base = t0;
      }
      return accept;
    }

    @Override
    public double nextEnd() {
      return base + h;
    }

    @Override
    public void truncate(double t) {
      base = t;
    }

    @Override
    public boolean endedOnJump() {
      return false;
    }

    @Override
    public double minStep() {
      return dtmin;
    }

    @Override
    public long evaluations() {
      return evals;
    }
  }

  @Override
  public String toString() {
    return "PID(rtol=" + rtol + ", atol=" + atol + ", P=" + pcoeff + ", I=" + icoeff + ", D="
        + dcoeff + ")";
  }
}
