package org.nde4j.solve.solver;

import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.Jacobian;
import org.nde4j.solve.term.Term;

/**
 * Automatic stiffness switching: starts with a non-stiff (explicit) method, watches Hairer's
 * stiffness test on its stages (15 stability-limited steps, {@link Stepper#stiffnessRatio()}), and
 * switches to a stiff method when it fires; while stiff, it estimates every
 * {@value #CHECK_EVERY} steps whether the explicit method would be stable at the current step
 * ({@code h · ‖J‖∞ < ½ × its stability boundary}, with {@code ‖J‖∞} bounding the spectral radius)
 * and switches back after {@value #CHECKS_TO_RETURN} such checks in a row. The idea of
 * OrdinaryDiffEq's {@code AutoTsit5(Rosenbrock23())} and of LSODA (Petzold, SIAM J. Sci. Stat.
 * Comput. 4:136–148, 1983), with Hairer's stiffness test (Hairer &amp; Wanner, <i>Solving ODEs
 * II</i>, §IV.2).
 *
 * <p>Each switch restarts the new method from the current state; the step-size controller keeps
 * its step. The solve's diagnosis says which method ran where.
 */
public final class AutoSwitch implements Solver {
  static final int CHECK_EVERY = 10;
  static final int CHECKS_TO_RETURN = 5;
  private static final int STIFF_STEPS = 15;
  private static final int NONSTIFF_STEPS = 6;

  private final Solver nonStiff;
  private final Solver stiff;
  private final double boundary;

  /**
   * An explicit Runge–Kutta method (its stability boundary comes from its tableau) and a stiff
   * method.
   *
   * @throws IllegalArgumentException if {@code nonStiff} is not an explicit Runge–Kutta method or
   *     either method has no error estimate
   */
  public AutoSwitch(Solver nonStiff, Solver stiff) {
    this(nonStiff, stiff, boundaryOf(nonStiff));
  }

  private static double boundaryOf(Solver s) {
    if (!(s instanceof org.nde4j.solve.solver.rk.AbstractExplicitRk rk)) {
      throw new IllegalArgumentException("auto: the non-stiff method must be an explicit"
          + " Runge–Kutta method, got " + s.name());
    }
    return rk.tableau().stabilityBoundary();
  }

  /**
   * @param nonStiff an explicit method with a stiffness estimate (e.g. tsit5, dopri5)
   * @param stiff an implicit or Rosenbrock method
   * @param stabilityBoundary the explicit method's stability boundary on the negative real axis
   */
  public AutoSwitch(Solver nonStiff, Solver stiff, double stabilityBoundary) {
    if (!nonStiff.isAdaptive() || !stiff.isAdaptive()) {
      throw new IllegalArgumentException("auto: both methods need error estimates, got "
          + nonStiff.name() + " and " + stiff.name());
    }
    this.nonStiff = nonStiff;
    this.stiff = stiff;
    this.boundary = stabilityBoundary;
  }

  @Override
  public String name() {
    return "auto";
  }

  @Override
  public int order() {
    return Math.min(nonStiff.order(), stiff.order());
  }

  @Override
  public int errorOrder() {
    return Math.min(nonStiff.errorOrder(), stiff.errorOrder());
  }

  @Override
  public int interpolationOrder() {
    return Math.min(nonStiff.interpolationOrder(), stiff.interpolationOrder());
  }

  /** The explicit method. */
  public Solver nonStiff() {
    return nonStiff;
  }

  /** The stiff method. */
  public Solver stiff() {
    return stiff;
  }

  @Override
  public Stepper stepper(Term term) {
    return new Switching(term);
  }

  /** The switching stepper. */
  private final class Switching implements Stepper {
    private final Stepper explicit;
    private final Stepper implicit;
    private final Jacobian jacobian;
    private final double[] jac;
    private final int n;
    private Stepper current;
    private Stepper attempted;
    private int stiffCount;
    private int nonStiffCount;
    private int sinceCheck;
    private int explicitOk;
    private int switches;
    private double lastT;
    private double lastH;
    private double[] lastY0;
    private final StringBuilder history = new StringBuilder();

    Switching(Term term) {
      this.explicit = nonStiff.stepper(term);
      this.implicit = stiff.stepper(term);
      this.jacobian = term.jacobian();
      this.n = term.size();
      this.jac = new double[n * n];
      this.current = explicit;
    }

    @Override
    public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
      lastT = t;
      lastH = h;
      lastY0 = y0;
      attempted = current;
      if (history.length() == 0) {
        history.append(nonStiff.name()).append(" from t = ").append(t);
      }
      return current.attempt(t, h, y0, y1, norm);
    }

    @Override
    public void interpolate(double theta, double[] out) {
      attempted.interpolate(theta, out);
    }

    @Override
    public DenseSegment denseSegment() {
      return attempted.denseSegment();
    }

    @Override
    public void accept() {
      attempted.accept();
      double tEnd = lastT + lastH;
      if (attempted == explicit) {
        double ratio = explicit.stiffnessRatio();
        if (ratio > 0.98) {
          nonStiffCount = 0;
          if (++stiffCount >= STIFF_STEPS) {
            switchTo(implicit, stiff, tEnd);
          }
        } else if (++nonStiffCount >= NONSTIFF_STEPS) {
          stiffCount = 0;
        }
      } else if (++sinceCheck >= CHECK_EVERY) {
        sinceCheck = 0;
        if (explicitWouldBeStable(tEnd)) {
          if (++explicitOk >= CHECKS_TO_RETURN) {
            switchTo(explicit, nonStiff, tEnd);
          }
        } else {
          explicitOk = 0;
        }
      }
    }

    /** ‖J‖∞ at the start of the last step bounds the spectral radius. */
    private boolean explicitWouldBeStable(double t) {
      jacobian.evaluate(lastT, lastY0, jac);
      double norm = 0;
      for (int i = 0; i < n; i++) {
        double row = 0;
        for (int j = 0; j < n; j++) {
          row += Math.abs(jac[i * n + j]);
        }
        norm = Math.max(norm, row);
      }
      return Math.abs(lastH) * norm < 0.5 * boundary;
    }

    private void switchTo(Stepper next, Solver which, double t) {
      current = next;
      next.restart();
      stiffCount = 0;
      nonStiffCount = 0;
      sinceCheck = 0;
      explicitOk = 0;
      switches++;
      history.append(", ").append(which.name()).append(" from t = ").append(t);
    }

    @Override
    public void restart() {
      current.restart();
    }

    @Override
    public long evaluations() {
      return explicit.evaluations() + implicit.evaluations() + jacobian.rateEvaluations();
    }

    @Override
    public Work work() {
      Work w = implicit.work();
      return new Work(w.jacobians() + jacobian.evaluations(), w.factorizations(),
          w.linearSolves(), w.newtonIterations(), w.newtonFailures());
    }

    /** NaN: the switcher handles stiffness itself, so the loop must not suggest a stiff method. */
    @Override
    public double stiffnessRatio() {
      return Double.NaN;
    }

    @Override
    public String note() {
      return "Methods used (auto): " + history + (switches == 0 ? " (no switch)." : " ("
          + switches + (switches == 1 ? " switch)." : " switches)."));
    }
  }
}
