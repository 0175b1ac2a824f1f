package org.nde4j.solve.solver.implicit;

import java.util.List;
import org.nde4j.linalg.DenseLu;
import org.nde4j.solve.rootfind.Newton;
import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.Finite;
import org.nde4j.solve.solver.HermiteSegment;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.Work;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.Jacobian;
import org.nde4j.solve.term.MultiTerm;
import org.nde4j.solve.term.Term;

/**
 * The ESDIRK / additive-ESDIRK engine. Stage {@code i ≥ 1} solves {@code z_i = ψ_i + γh
 * f_I(t_i, z_i)}, {@code ψ_i = y0 + h Σ_{j<i} (a_ij k_j^I + â_ij k_j^E)}, by simplified Newton
 * with {@code W = I − γhJ}; its implicit slope is then {@code k_i^I = (z_i − ψ_i)/(γh)} (no extra
 * evaluation, and no amplification of the iteration error in stiff components; Kennedy &amp;
 * Carpenter 2003, §2.1.7) and its explicit slope {@code k_i^E = f_E(t_i, z_i)}. A stiffly accurate
 * plain ESDIRK takes {@code y1 = z_s} and reuses the last slope as the next step's first (FSAL).
 *
 * <p>Newton weights are {@code 1/(atol + rtol|y0_i|)} from the controller's norm (or a fixed 1e-12
 * tolerance for constant steps, where there is no norm). A failed iteration (diverging, too slow,
 * non-finite, or a singular {@code W}) is retried once with a Jacobian evaluated at the step's
 * start; if that fails too, {@link #attempt} returns {@code +∞} so the loop rejects and shrinks
 * the step. Allocation-free after construction.
 */
final class EsdirkStepper implements Stepper {
  /**
   * Newton tolerance as a fraction of the integration tolerance (Hairer's κ). Diffrax uses 0.01;
   * 1e-3 is what the Bari accuracy targets needed (Kvaerno5 on VDPOL μ = 1000 at rtol 1e-6: mescd
   * 3.7 with 0.01, 6.1 with 1e-3), close to Hairer's {@code fnewt = min(0.03, √rtol)} in radau5.
   */
  private static final double KAPPA = 1e-3;
  private static final int MAX_NEWTON = 10;
  /** Iterations allowed with constant steps, where a failure cannot be cured by a smaller step. */
  private static final int MAX_NEWTON_FIXED = 50;
  /** Contraction rate above which the next step gets a fresh Jacobian (EVERY_STEP policy). */
  private static final double THETA_SLOW = 0.2;
  /**
   * Tolerance of the Newton iteration when there is no error norm (constant steps). On stiff
   * problems the residual's round-off (|γhλ|·1e-16, ~1e-12 for hλ = −6e4) can stall the iteration
   * above that target; an iteration whose last update is below {@link #FIXED_STALL} of it is then
   * accepted.
   */
  private static final double FIXED_TOL = 1e-12;
  private static final double FIXED_STALL = 30;

  private final Term implicit;
  private final Term explicit;
  private final Jacobian jacobian;
  private final JacobianReuse reuse;
  private final int n;
  private final int s;
  private final double gamma;
  private final double[] c;
  private final double[][] a;
  private final double[][] ae;
  private final double[] b;
  private final double[] e;
  private final double[][] alpha;
  private final double[][] dense;
  private final boolean filter;
  private final boolean fsal;

  private final double[][] ki;
  private final double[][] ke;
  private final double[] psi;
  private final double[] z;
  private final double[] err;
  private final double[] weights;
  private final double[] jac;
  private final double[] w;
  private final double[] theta;
  private final DenseLu lu;
  private final Newton newton;
  private final Newton fixedNewton;
  private Newton active;
  private final StageResidual residual = new StageResidual();

  private boolean haveFirst;
  private boolean haveJacobian;
  private boolean jacobianCurrent;
  private boolean jacobianStale;
  private long jacobianVersion;
  private long factoredVersion = -1;
  private double hFactored = Double.NaN;
  private boolean factorOk;
  private double t;
  private double h;
  private double[] y0;
  private double[] y1;
  private long nfe;
  private long newtonFailures;

  EsdirkStepper(Term term, DirkTableau tableau, JacobianReuse reuse) {
    boolean additive = false;
    Term imp = term;
    Term exp = null;
    if (tableau.isAdditive() && term instanceof MultiTerm mt && mt.terms().size() == 2) {
      List<Term> parts = mt.terms();
      exp = parts.get(0);
      imp = parts.get(1);
      additive = true;
    }
    this.implicit = imp;
    this.explicit = exp;
    this.jacobian = imp.jacobian();
    this.reuse = reuse;
    this.n = term.size();
    this.s = tableau.stages();
    this.gamma = tableau.gamma();
    this.c = tableau.c();
    this.a = new double[s][];
    this.ae = additive ? new double[s][] : null;
    this.alpha = new double[s][];
    this.dense = tableau.hasDenseOutput() ? new double[s][] : null;
    for (int i = 0; i < s; i++) {
      a[i] = tableau.aRow(i);
      if (additive) {
        ae[i] = tableau.explicitMatrix()[i];
      }
      if (i > 0) {
        double[] p = tableau.predictorRow(i);
        if (p == null) {
          p = new double[i];
          p[i - 1] = 1;
        }
        alpha[i] = p;
      }
      if (dense != null) {
        dense[i] = tableau.denseRow(i);
      }
    }
    this.b = tableau.b();
    this.e = tableau.errorWeights();
    this.filter = tableau.filtersError();
    this.fsal = tableau.isStifflyAccurate() && !additive;
    this.ki = new double[s][n];
    this.ke = additive ? new double[s][n] : null;
    this.psi = new double[n];
    this.z = new double[n];
    this.err = new double[n];
    this.weights = new double[n];
    this.jac = new double[n * n];
    this.w = new double[n * n];
    this.theta = new double[s];
    this.lu = new DenseLu(n);
    this.newton = new Newton(n, MAX_NEWTON, KAPPA);
    this.fixedNewton = new Newton(n, MAX_NEWTON_FIXED, KAPPA);
    this.active = newton;
  }

  /** {@code G(z) = z − ψ − γh f_I(t_i, z)} of the current stage. */
  private final class StageResidual implements Newton.Residual {
    private double ti;
    private double hg;

    @Override
    public void evaluate(double[] zz, double[] r) {
      implicit.rate(ti, zz, r);
      nfe++;
      for (int m = 0; m < n; m++) {
        r[m] = zz[m] - psi[m] - hg * r[m];
      }
    }
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    this.t = t;
    this.h = h;
    this.y0 = y0;
    this.y1 = y1;
    if (!haveFirst) {
      implicit.rate(t, y0, ki[0]);
      nfe++;
      if (explicit != null) {
        explicit.rate(t, y0, ke[0]);
        nfe++;
      }
      haveFirst = true;
    }
    if (!finite(ki[0]) || (explicit != null && !finite(ke[0]))) {
      haveFirst = false;
      return Double.NaN;
    }
    active = norm != null ? newton : fixedNewton;
    for (int m = 0; m < n; m++) {
      weights[m] = norm != null ? norm.weight(m, y0[m])
          : 1 / (FIXED_TOL + FIXED_TOL * Math.abs(y0[m]));
    }
    if (reuse != JacobianReuse.EVERY_STAGE
        && (!haveJacobian || (reuse == JacobianReuse.EVERY_STEP && jacobianStale && !jacobianCurrent))) {
      evaluateJacobian(t, y0);
    }
    while (true) {
      int outcome = stages();
      if (outcome == 0) {
        break;
      }
      if (jacobianCurrent || reuse == JacobianReuse.EVERY_STAGE) {
        newtonFailures++;
        jacobianStale = true;
        if (outcome == 2) {
          // Newton met a non-finite value even with a fresh Jacobian: report it as such.
          System.arraycopy(z, 0, y1, 0, n);
          return Double.NaN;
        }
        return Double.POSITIVE_INFINITY;
      }
      evaluateJacobian(t, y0);
      active.reset();
    }
    if (!fsal) {
      System.arraycopy(y0, 0, y1, 0, n);
      for (int j = 0; j < s; j++) {
        double hb = h * b[j];
        if (hb != 0) {
          addScaled(y1, hb, j);
        }
      }
    }
    if (!finite(y1)) {
      return Double.NaN;
    }
    if (e == null || norm == null) {
      return 0;
    }
    java.util.Arrays.fill(err, 0);
    for (int j = 0; j < s; j++) {
      double he = h * e[j];
      if (he != 0) {
        addScaled(err, he, j);
      }
    }
    if (filter && prepareW(h)) {
      lu.solve(err);
    }
    double r = norm.ratio(err, y0, y1);
    return Double.isFinite(r) ? r : Double.NaN;
  }

  /** {@code out += w·(k_j^I + k_j^E)}. */
  private void addScaled(double[] out, double wj, int j) {
    double[] kj = ki[j];
    for (int m = 0; m < n; m++) {
      out[m] += wj * kj[m];
    }
    if (ke != null) {
      double[] kej = ke[j];
      for (int m = 0; m < n; m++) {
        out[m] += wj * kej[m];
      }
    }
  }

  /** Solves the implicit stages: 0 on success, 1 on a Newton or factorization failure, 2 non-finite. */
  private int stages() {
    double hg = gamma * h;
    double thetaMax = 0;
    for (int i = 1; i < s; i++) {
      double ti = t + c[i] * h;
      System.arraycopy(y0, 0, psi, 0, n);
      double[] ai = a[i];
      for (int j = 0; j < i; j++) {
        double ha = h * ai[j];
        if (ha != 0) {
          double[] kj = ki[j];
          for (int m = 0; m < n; m++) {
            psi[m] += ha * kj[m];
          }
        }
        if (ae != null && ae[i][j] != 0) {
          double hae = h * ae[i][j];
          double[] kj = ke[j];
          for (int m = 0; m < n; m++) {
            psi[m] += hae * kj[m];
          }
        }
      }
      // Predictor: the stage slope extrapolated from earlier ones.
      System.arraycopy(psi, 0, z, 0, n);
      double[] al = alpha[i];
      for (int j = 0; j < i; j++) {
        double hga = hg * al[j];
        if (hga != 0) {
          double[] kj = ki[j];
          for (int m = 0; m < n; m++) {
            z[m] += hga * kj[m];
          }
        }
      }
      if (reuse == JacobianReuse.EVERY_STAGE) {
        evaluateJacobian(ti, z);
      }
      if (!prepareW(h)) {
        return 1;
      }
      residual.ti = ti;
      residual.hg = hg;
      Newton.Outcome o = active.solve(residual, lu, z, weights);
      boolean stalled = active == fixedNewton && o != Newton.Outcome.NONFINITE
          && active.lastUpdateNorm() <= FIXED_STALL;
      if (o != Newton.Outcome.CONVERGED && !stalled) {
        return o == Newton.Outcome.NONFINITE ? 2 : 1;
      }
      double rate = active.rate();
      if (rate > thetaMax) {
        thetaMax = rate;
      }
      double[] k = ki[i];
      double inv = 1 / hg;
      for (int m = 0; m < n; m++) {
        k[m] = (z[m] - psi[m]) * inv;
      }
      if (explicit != null) {
        explicit.rate(ti, z, ke[i]);
        nfe++;
      }
    }
    if (fsal) {
      System.arraycopy(z, 0, y1, 0, n);
    }
    jacobianStale = thetaMax > THETA_SLOW;
    return 0;
  }

  private void evaluateJacobian(double tj, double[] yj) {
    jacobian.evaluate(tj, yj, jac);
    jacobianVersion++;
    haveJacobian = true;
    jacobianCurrent = true;
    jacobianStale = false;
  }

  /** Factors {@code W = I − γhJ} if {@code h} or {@code J} changed; false if it is singular. */
  private boolean prepareW(double step) {
    if (factoredVersion != jacobianVersion || step != hFactored) {
      double hg = gamma * step;
      for (int k = 0; k < n * n; k++) {
        w[k] = -hg * jac[k];
      }
      for (int m = 0; m < n; m++) {
        w[m * n + m] += 1;
      }
      factorOk = lu.factor(w);
      factoredVersion = jacobianVersion;
      hFactored = step;
    }
    return factorOk;
  }

  private boolean finite(double[] v) {
    return Finite.all(v, n);
  }

  @Override
  public void interpolate(double th, double[] out) {
    if (dense == null) {
      HermiteSegment.interpolate(th, h, y0, y1, ki[0], ki[s - 1], out);
      return;
    }
    for (int i = 0; i < s; i++) {
      double[] p = dense[i];
      double v = 0;
      for (double coef : p) {
        v = v * th + coef;
      }
      theta[i] = th * v;
    }
    System.arraycopy(y0, 0, out, 0, n);
    for (int i = 0; i < s; i++) {
      if (theta[i] != 0) {
        addScaled(out, h * theta[i], i);
      }
    }
  }

  @Override
  public DenseSegment denseSegment() {
    if (dense == null) {
      return new HermiteSegment(t, h, y0.clone(), y1.clone(), ki[0].clone(), ki[s - 1].clone());
    }
    double[][] k = new double[s][n];
    for (int i = 0; i < s; i++) {
      System.arraycopy(ki[i], 0, k[i], 0, n);
      if (ke != null) {
        for (int m = 0; m < n; m++) {
          k[i][m] += ke[i][m];
        }
      }
    }
    double[][] p = new double[s][];
    for (int i = 0; i < s; i++) {
      p[i] = dense[i].clone();
    }
    return new DirkSegment(t, h, t + h, y0.clone(), k, p);
  }

  @Override
  public void accept() {
    if (fsal) {
      double[] first = ki[0];
      ki[0] = ki[s - 1];
      ki[s - 1] = first;
    } else {
      haveFirst = false;
    }
    jacobianCurrent = false;
  }

  @Override
  public void restart() {
    haveFirst = false;
    jacobianCurrent = false;
  }

  @Override
  public long evaluations() {
    return nfe + jacobian.rateEvaluations();
  }

  @Override
  public Work work() {
    return new Work(jacobian.evaluations(), lu.factorizations(), lu.solves(),
        newton.totalIterations() + fixedNewton.totalIterations(), newtonFailures);
  }

  @Override
  public double stiffnessRatio() {
    return Double.NaN;
  }
}
