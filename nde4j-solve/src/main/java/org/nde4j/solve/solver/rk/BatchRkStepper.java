package org.nde4j.solve.solver.rk;

import org.nde4j.solve.solver.BatchStepper;
import org.nde4j.solve.solver.Finite;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.BatchTerm;

/**
 * The explicit Runge–Kutta engine for per-sample batches: every stage of every active sample is
 * evaluated in one call of the {@link BatchTerm}; each sample has its own time and step size, and
 * its arithmetic is exactly that of {@link RkStepper} (same operations in the same order), so a
 * sample's result equals a separate solve of it. Stages are stored per sample; the active samples
 * are packed for each call. Allocation-free after construction.
 */
final class BatchRkStepper implements BatchStepper {
  private final BatchTerm term;
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
  private final RkInterpolant interp;
  private final int[][] extraNonZero;

  private final double[][] k;
  private final double[] y0s;
  private final boolean[] haveFirst;
  private final boolean[] extrasDone;
  private final double[] lastT;
  private final double[] lastH;
  private final long[] nfe;
  private long calls;

  private final int[] ids;
  private final double[] pt;
  private final double[] py;
  private final double[] pdy;
  private final double[] rowY0;
  private final double[] rowY1;
  private final double[] rowErr;
  private final double[] theta;

  BatchRkStepper(BatchTerm term, int samples, ButcherTableau tableau, RkInterpolant interp) {
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
    this.interp = interp;
    this.extraNonZero = new int[interp.extraStages()][];
    for (int j = 0; j < extraNonZero.length; j++) {
      extraNonZero[j] = ButcherTableau.nonZero(interp.aExtraRow(j));
    }
    this.k = new double[interp.totalStages()][samples * n];
    this.y0s = new double[samples * n];
    this.haveFirst = new boolean[samples];
    this.extrasDone = new boolean[samples];
    this.lastT = new double[samples];
    this.lastH = new double[samples];
    this.nfe = new long[samples];
    this.ids = new int[samples];
    this.pt = new double[samples];
    this.py = new double[samples * n];
    this.pdy = new double[samples * n];
    this.rowY0 = new double[n];
    this.rowY1 = new double[n];
    this.rowErr = new double[n];
    this.theta = new double[interp.totalStages()];
  }

  @Override
  public void attempt(int[] active, int m, double[] t, double[] h, double[] y0, double[] y1,
      ErrorNorm norm, double[] error) {
    int first = 0;
    for (int r = 0; r < m; r++) {
      int q = active[r];
      System.arraycopy(y0, q * n, y0s, q * n, n);
      lastT[q] = t[q];
      lastH[q] = h[q];
      extrasDone[q] = false;
      if (!haveFirst[q]) {
        ids[first] = q;
        pt[first] = t[q];
        System.arraycopy(y0, q * n, py, first * n, n);
        first++;
      }
    }
    if (first > 0) {
      evaluate(first, 0);
      for (int r = 0; r < first; r++) {
        haveFirst[ids[r]] = true;
      }
    }
    for (int i = 1; i < s; i++) {
      for (int r = 0; r < m; r++) {
        int q = active[r];
        ids[r] = q;
        pt[r] = t[q] + c[i] * h[q];
        combine(py, r * n, q, a[i], aNonZero[i], h[q]);
        if (fsal && i == s - 1) {
          System.arraycopy(py, r * n, y1, q * n, n);
        }
      }
      evaluate(m, i);
    }
    for (int r = 0; r < m; r++) {
      int q = active[r];
      if (!fsal) {
        combine(y1, q * n, q, b, bNonZero, h[q]);
      }
      error[q] = error(q, y1, norm, h[q]);
    }
  }

  /** Evaluates the packed rows {@code ids[0..rows)} and stores the result as stage {@code i}. */
  private void evaluate(int rows, int i) {
    term.rate(pt, py, pdy, ids, rows);
    calls++;
    double[] ki = k[i];
    for (int r = 0; r < rows; r++) {
      int q = ids[r];
      System.arraycopy(pdy, r * n, ki, q * n, n);
      nfe[q]++;
    }
  }

  /** {@code out[off…] = y0_q + h Σ_j w_j k_j,q}, in {@link RkStepper}'s order of operations. */
  private void combine(double[] out, int off, int q, double[] w, int[] idx, double h) {
    int base = q * n;
    System.arraycopy(y0s, base, out, off, n);
    for (int j : idx) {
      double hw = h * w[j];
      double[] kj = k[j];
      for (int m = 0; m < n; m++) {
        out[off + m] += hw * kj[base + m];
      }
    }
  }

  private double error(int q, double[] y1, ErrorNorm norm, double h) {
    System.arraycopy(y1, q * n, rowY1, 0, n);
    if (e == null || norm == null) {
      return Finite.all(rowY1, n) ? 0 : Double.NaN;
    }
    System.arraycopy(y0s, q * n, rowY0, 0, n);
    weighted(q, e, h);
    double r = norm.ratio(rowErr, rowY0, rowY1);
    if (e2 != null) {
      weighted(q, e2, h);
      double r2 = norm.ratio(rowErr, rowY0, rowY1);
      double den = r * r + 0.01 * r2 * r2;
      r = den > 0 ? r * r / Math.sqrt(den) : 0;
    }
    return Double.isFinite(r) ? r : Double.NaN;
  }

  private void weighted(int q, double[] w, double h) {
    java.util.Arrays.fill(rowErr, 0);
    int base = q * n;
    for (int j = 0; j < s; j++) {
      if (w[j] != 0) {
        double hw = h * w[j];
        double[] kj = k[j];
        for (int m = 0; m < n; m++) {
          rowErr[m] += hw * kj[base + m];
        }
      }
    }
  }

  @Override
  public void interpolate(int q, double th, double[] out) {
    double h = lastH[q];
    if (!extrasDone[q]) {
      for (int j = 0; j < interp.extraStages(); j++) {
        double[] row = interp.aExtraRow(j);
        ids[0] = q;
        pt[0] = lastT[q] + interp.cExtra(j) * h;
        combine(py, 0, q, row, extraNonZero[j], h);
        evaluate(1, s + j);
      }
      extrasDone[q] = true;
    }
    interp.weights(th, theta);
    int base = q * n;
    System.arraycopy(y0s, base, out, 0, n);
    for (int i = 0; i < theta.length; i++) {
      double hw = h * theta[i];
      if (hw != 0) {
        double[] ki = k[i];
        for (int m = 0; m < n; m++) {
          out[m] += hw * ki[base + m];
        }
      }
    }
  }

  @Override
  public void accept(int q) {
    if (fsal) {
      System.arraycopy(k[s - 1], q * n, k[0], q * n, n);
    } else {
      haveFirst[q] = false;
    }
  }

  @Override
  public void restart(int q) {
    haveFirst[q] = false;
  }

  @Override
  public long evaluations(int q) {
    return nfe[q];
  }

  @Override
  public long calls() {
    return calls;
  }
}
