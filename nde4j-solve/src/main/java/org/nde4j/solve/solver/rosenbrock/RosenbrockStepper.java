package org.nde4j.solve.solver.rosenbrock;

import org.nde4j.linalg.DenseLu;
import org.nde4j.linalg.LinearSolver;
import org.nde4j.solve.solver.DenseSegment;
import org.nde4j.solve.solver.Finite;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.Work;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.Jacobian;
import org.nde4j.solve.term.Term;

/**
 * The Rosenbrock engine: one step of any {@link RosenbrockTableau} in the transformed form, with
 * one Jacobian, one {@code ∂f/∂t} and one LU factorization of {@code W = I/(γh) − J} per step.
 *
 * <p>Reuse: after a rejected attempt the step starts from the same {@code (t, y0)}, so {@code f0},
 * {@code J} and {@code ∂f/∂t} are kept and only {@code W} is refactored for the new {@code h} (as
 * in Hairer's {@code rodas.f}); an attempt with the same {@code h} and Jacobian reuses the
 * factorization too. A first-same-as-last method hands its last stage's {@code f} to the next step.
 *
 * <p>{@code ∂f/∂t} is a forward difference with Hairer's increment {@code sqrt(u·max(1e-5, |t|))}
 * ({@code rodas.f}), one extra evaluation per Jacobian — not per attempt. A term cannot declare
 * itself autonomous, and the difference is exactly zero for an autonomous one, so it costs one
 * evaluation per step and no accuracy. Allocation-free after construction.
 */
final class RosenbrockStepper implements Stepper {
  private static final double UROUND = 0x1p-52;

  private final Term term;
  private final int n;
  private final int s;
  private final double gamma;
  private final double[][] a;
  private final double[][] c;
  private final double[] nodes;
  private final double[] d;
  private final double[] b;
  private final double[] e;
  private final double[][] dense;
  private final boolean fsal;

  private final Jacobian jacobian;
  private final LinearSolver lu;
  private final double[] jac;
  private final double[] w;
  private final double[] dfdt;
  private double[] f0;
  private double[] fLast;
  private final double[] fs;
  private final double[] tmp;
  private final double[] err;
  private final double[][] u;
  private final double[][] k;

  private boolean haveF0;
  private boolean haveJac;
  private double tJac = Double.NaN;
  private double hFactored = Double.NaN;
  private boolean factored;
  private boolean denseReady;
  private double t;
  private double h;
  private double[] y0;
  private double[] y1;
  private long nfe;
  private long singular;

  RosenbrockStepper(Term term, RosenbrockTableau tab) {
    this.term = term;
    this.n = term.size();
    this.s = tab.stages();
    this.gamma = tab.gamma();
    this.a = new double[s][];
    this.c = new double[s][];
    for (int i = 0; i < s; i++) {
      a[i] = tab.aRow(i);
      c[i] = tab.cRow(i);
    }
    this.nodes = tab.nodes();
    this.d = tab.d();
    this.b = tab.b();
    double[] bHat = tab.bHat();
    this.e = new double[s];
    for (int i = 0; i < s; i++) {
      e[i] = b[i] - bHat[i];
    }
    this.dense = new double[tab.denseRows()][];
    for (int r = 0; r < dense.length; r++) {
      dense[r] = tab.denseRow(r);
    }
    this.fsal = tab.isFsal();
    this.jacobian = term.jacobian();
    this.lu = new DenseLu(n);
    this.jac = new double[n * n];
    this.w = new double[n * n];
    this.dfdt = new double[n];
    this.f0 = new double[n];
    this.fLast = new double[n];
    this.fs = new double[n];
    this.tmp = new double[n];
    this.err = new double[n];
    this.u = new double[s][n];
    this.k = new double[dense.length][n];
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    this.t = t;
    this.h = h;
    this.y0 = y0;
    this.y1 = y1;
    this.denseReady = false;
    if (haveJac && t != tJac) {
      // Not a retry of the last start: nothing computed there applies.
      haveJac = false;
      haveF0 = false;
    }
    if (!haveF0) {
      term.rate(t, y0, f0);
      nfe++;
      haveF0 = true;
    }
    if (!haveJac) {
      jacobian.evaluate(t, y0, jac);
      timeDerivative();
      haveJac = true;
      tJac = t;
      factored = false;
    }
    if (!factored || h != hFactored) {
      double diag = 1 / (gamma * h);
      for (int m = 0; m < n * n; m++) {
        w[m] = -jac[m];
      }
      for (int m = 0; m < n; m++) {
        w[m * n + m] += diag;
      }
      factored = lu.factor(w);
      hFactored = h;
      if (!factored) {
        // W singular or non-finite: the linear solve fails like a Newton iteration would.
        singular++;
        return Double.POSITIVE_INFINITY;
      }
    }
    for (int i = 0; i < s; i++) {
      double[] fi = f0;
      if (i > 0) {
        combine(tmp, a[i], i);
        fi = fsal && i == s - 1 ? fLast : fs;
        term.rate(t + nodes[i] * h, tmp, fi);
        nfe++;
      }
      double[] ui = u[i];
      double hd = h * d[i];
      for (int m = 0; m < n; m++) {
        ui[m] = fi[m] + hd * dfdt[m];
      }
      double[] ci = c[i];
      for (int j = 0; j < i; j++) {
        if (ci[j] != 0) {
          double cj = ci[j] / h;
          double[] uj = u[j];
          for (int m = 0; m < n; m++) {
            ui[m] += cj * uj[m];
          }
        }
      }
      lu.solve(ui);
    }
    combine(y1, b, s);
    if (!Finite.all(y1, n)) {
      return Double.NaN;
    }
    if (norm == null) {
      return 0;
    }
    java.util.Arrays.fill(err, 0);
    for (int i = 0; i < s; i++) {
      if (e[i] != 0) {
        double ei = e[i];
        double[] ui = u[i];
        for (int m = 0; m < n; m++) {
          err[m] += ei * ui[m];
        }
      }
    }
    double r = norm.ratio(err, y0, y1);
    return Double.isFinite(r) ? r : Double.NaN;
  }

  /** {@code out = y0 + Σ_{j<count} w_j u_j}, skipping zero weights (same order every time). */
  private void combine(double[] out, double[] wts, int count) {
    System.arraycopy(y0, 0, out, 0, n);
    for (int j = 0; j < count; j++) {
      if (wts[j] != 0) {
        double wj = wts[j];
        double[] uj = u[j];
        for (int m = 0; m < n; m++) {
          out[m] += wj * uj[m];
        }
      }
    }
  }

  /** Forward difference in t at (t, y0), with Hairer's increment (rodas.f). */
  private void timeDerivative() {
    double delta = Math.sqrt(UROUND * Math.max(1e-5, Math.abs(t)));
    double tp = t + delta;
    double dt = tp - t;
    term.rate(tp, y0, fs);
    nfe++;
    for (int m = 0; m < n; m++) {
      dfdt[m] = (fs[m] - f0[m]) / dt;
    }
  }

  /** The dense-output vectors K_r = Σ_i H_ri u_i, once per step. */
  private void prepareDense() {
    if (denseReady) {
      return;
    }
    for (int r = 0; r < dense.length; r++) {
      double[] kr = k[r];
      java.util.Arrays.fill(kr, 0);
      double[] hr = dense[r];
      for (int i = 0; i < s; i++) {
        if (hr[i] != 0) {
          double wi = hr[i];
          double[] ui = u[i];
          for (int m = 0; m < n; m++) {
            kr[m] += wi * ui[m];
          }
        }
      }
    }
    denseReady = true;
  }

  @Override
  public void interpolate(double theta, double[] out) {
    prepareDense();
    RosenbrockSegment.evaluate(theta, y0, y1, k, out);
  }

  @Override
  public DenseSegment denseSegment() {
    prepareDense();
    double[][] copy = new double[k.length][];
    for (int r = 0; r < k.length; r++) {
      copy[r] = k[r].clone();
    }
    return new RosenbrockSegment(t, h, t + h, y0.clone(), y1.clone(), copy);
  }

  @Override
  public void accept() {
    haveJac = false;
    if (fsal) {
      double[] swap = f0;
      f0 = fLast;
      fLast = swap;
      haveF0 = true;
    } else {
      haveF0 = false;
    }
  }

  @Override
  public void restart() {
    haveF0 = false;
    haveJac = false;
  }

  @Override
  public long evaluations() {
    return nfe + jacobian.rateEvaluations();
  }

  /** Singular or non-finite {@code W}s are counted as Newton failures (the linear solve failed). */
  @Override
  public Work work() {
    return new Work(jacobian.evaluations(), lu.factorizations(), lu.solves(), 0, singular);
  }

  @Override
  public double stiffnessRatio() {
    return Double.NaN;
  }
}
