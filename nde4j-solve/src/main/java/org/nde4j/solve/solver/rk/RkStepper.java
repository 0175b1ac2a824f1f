package org.nde4j.solve.solver.rk;

import org.nde4j.solve.solver.Finite;
import org.nde4j.solve.solver.StageAccess;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.Term;

/**
 * The explicit Runge–Kutta engine: one step of any {@link ButcherTableau}, its error estimate,
 * dense output through an {@link RkInterpolant}, FSAL reuse and Hairer's stiffness indicator.
 * Allocation-free after construction. Zero entries of the tableau are skipped.
 */
final class RkStepper implements Stepper, StageAccess {
  private final Term term;
  private final int n;
  private final int s;
  private final double[] c;
  private final double[][] a;
  private final int[][] aNonZero;
  private final double[] b;
  private final int[] bNonZero;
  private final double[] e;
  private final double[] e2;
  private final boolean fsal;
  private final double stabilityBoundary;
  private final RkInterpolant interp;

  private final double[][] k;
  private final double[] tmp;
  private final double[] err;
  private final double[] err2;
  private final double[] theta;

  private boolean haveFirst;
  private boolean extrasDone;
  private double t;
  private double h;
  private double[] y0;
  private double[] y1;
  private double stiffness = Double.NaN;
  private long nfe;

  RkStepper(Term term, ButcherTableau tableau, RkInterpolant interp) {
    this.term = term;
    this.n = term.size();
    this.s = tableau.stages();
    this.c = tableau.c();
    this.a = new double[s][];
    this.aNonZero = new int[s][];
    for (int i = 0; i < s; i++) {
      a[i] = tableau.aRow(i);
      aNonZero[i] = ButcherTableau.nonZero(a[i]);
    }
    this.b = tableau.b();
    this.bNonZero = ButcherTableau.nonZero(b);
    this.e = tableau.errorWeights();
    this.e2 = tableau.secondErrorWeights();
    this.fsal = tableau.isFsal();
    this.stabilityBoundary = tableau.stabilityBoundary();
    this.interp = interp;
    this.k = new double[interp.totalStages()][n];
    this.tmp = new double[n];
    this.err = new double[n];
    this.err2 = e2 == null ? null : new double[n];
    this.theta = new double[interp.totalStages()];
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    this.t = t;
    this.h = h;
    this.y0 = y0;
    this.y1 = y1;
    this.extrasDone = false;
    if (!haveFirst) {
      term.rate(t, y0, k[0]);
      nfe++;
      haveFirst = true;
    }
    for (int i = 1; i < s; i++) {
      double[] yi = fsal && i == s - 1 ? y1 : tmp;
      combine(yi, a[i], aNonZero[i], h);
      term.rate(t + c[i] * h, yi, k[i]);
      nfe++;
    }
    if (!fsal) {
      combine(y1, b, bNonZero, h);
    }
    stiffness = fsal && s >= 3 && c[s - 2] == c[s - 1] ? stiffnessEstimate() : Double.NaN;
    if (e == null || norm == null) {
      return Finite.all(y1, n) ? 0 : Double.NaN;
    }
    weighted(err, e, h);
    double r = norm.ratio(err, y0, y1);
    if (e2 != null) {
      weighted(err2, e2, h);
      double r2 = norm.ratio(err2, y0, y1);
      double den = r * r + 0.01 * r2 * r2;
      r = den > 0 ? r * r / Math.sqrt(den) : 0;
    }
    if (!Double.isFinite(r)) {
      return Double.NaN;
    }
    return r;
  }

  /** {@code out = y0 + h Σ_j w_j k_j} over the listed stages. */
  private void combine(double[] out, double[] w, int[] idx, double h) {
    double[] y = y0;
    System.arraycopy(y, 0, out, 0, n);
    for (int j : idx) {
      double hw = h * w[j];
      double[] kj = k[j];
      for (int m = 0; m < n; m++) {
        out[m] += hw * kj[m];
      }
    }
  }

  /** {@code out = h Σ_j w_j k_j} over all main stages. */
  private void weighted(double[] out, double[] w, double h) {
    java.util.Arrays.fill(out, 0);
    for (int j = 0; j < s; j++) {
      if (w[j] != 0) {
        double hw = h * w[j];
        double[] kj = k[j];
        for (int m = 0; m < n; m++) {
          out[m] += hw * kj[m];
        }
      }
    }
  }

  /**
   * Hairer's test (HNW II, §IV.2): with the last two stages at the same time, {@code ρ = ‖k_s −
   * k_{s−1}‖ / ‖Y_s − Y_{s−1}‖} estimates the dominant eigenvalue's modulus.
   */
  private double stiffnessEstimate() {
    double[] kl = k[s - 1];
    double[] kp = k[s - 2];
    double num = 0;
    double den = 0;
    for (int m = 0; m < n; m++) {
      double dk = kl[m] - kp[m];
      double dy = y1[m] - tmp[m];
      num += dk * dk;
      den += dy * dy;
    }
    if (!(den > 0)) {
      return Double.NaN;
    }
    return Math.abs(h) * Math.sqrt(num / den) / stabilityBoundary;
  }

  @Override
  public void interpolate(double th, double[] out) {
    computeExtras();
    interp.weights(th, theta);
    System.arraycopy(y0, 0, out, 0, n);
    for (int i = 0; i < theta.length; i++) {
      double hw = h * theta[i];
      if (hw != 0) {
        double[] ki = k[i];
        for (int m = 0; m < n; m++) {
          out[m] += hw * ki[m];
        }
      }
    }
  }

  @Override
  public org.nde4j.solve.solver.DenseSegment denseSegment() {
    computeExtras();
    double[][] copy = new double[k.length][];
    for (int i = 0; i < k.length; i++) {
      copy[i] = k[i].clone();
    }
    return new RkSegment(t, h, t + h, y0.clone(), copy, interp);
  }

  /** Evaluates the interpolant's extra stages once per step. */
  private void computeExtras() {
    if (!extrasDone) {
      for (int j = 0; j < interp.extraStages(); j++) {
        double[] row = interp.aExtraRow(j);
        System.arraycopy(y0, 0, tmp, 0, n);
        for (int i = 0; i < row.length; i++) {
          if (row[i] != 0) {
            double hw = h * row[i];
            double[] ki = k[i];
            for (int m = 0; m < n; m++) {
              tmp[m] += hw * ki[m];
            }
          }
        }
        term.rate(t + interp.cExtra(j) * h, tmp, k[s + j]);
        nfe++;
      }
      extrasDone = true;
    }
  }

  @Override
  public int stages() {
    return s;
  }

  @Override
  public double[] stage(int i) {
    if (i < 0 || i >= s) {
      throw new IndexOutOfBoundsException("stage " + i + " of a " + s + "-stage method");
    }
    return k[i];
  }

  @Override
  public void accept() {
    if (fsal) {
      double[] first = k[0];
      k[0] = k[s - 1];
      k[s - 1] = first;
    } else {
      haveFirst = false;
    }
  }

  @Override
  public void restart() {
    haveFirst = false;
  }

  @Override
  public long evaluations() {
    return nfe;
  }

  @Override
  public double stiffnessRatio() {
    return stiffness;
  }
}
