package org.nde4j.solve.solver.sde;

import org.nde4j.solve.solver.SdeStageAccess;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.SdeTerm;

/** The general-noise stochastic Runge–Kutta engine for an {@link SrkTableau}. */
final class SrkStepper extends AbstractSdeStepper implements SdeStageAccess {
  private final SrkTableau tab;
  private final double[][] f;
  private final double[][] g;
  private final double[] z;
  private final double[] mix;
  private final double[] err;

  SrkStepper(SdeTerm term, SrkTableau tab) {
    super(term);
    this.tab = tab;
    int s = tab.stages();
    this.f = new double[s][n];
    this.g = new double[s][term.diffusionLength()];
    this.z = new double[n];
    this.mix = new double[m];
    this.err = tab.hasError() ? new double[n] : null;
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    begin(t, h, y0, y1, tab.usesArea());
    int s = tab.stages();
    for (int j = 0; j < s; j++) {
      double[] zj = y0;
      if (j > 0) {
        System.arraycopy(y0, 0, z, 0, n);
        for (int i = 0; i < j; i++) {
          double ai = tab.a[j][i];
          if (ai != 0) {
            double[] fi = f[i];
            for (int k = 0; k < n; k++) {
              z[k] += h * ai * fi[k];
            }
          }
          addNoise(g[i], tab.aW[j][i], tab.aH == null ? 0 : tab.aH[j][i], z);
        }
        zj = z;
      }
      double tj = t + tab.c[j] * h;
      if (tab.needF[j]) {
        term.drift(tj, zj, f[j]);
        nfe++;
      }
      if (tab.needG[j]) {
        term.diffusion(tj, zj, g[j]);
        nfe++;
      }
    }
    combine(y0, h, tab.b, tab.bW, tab.bH, y1);
    if (err != null) {
      java.util.Arrays.fill(err, 0);
      combine(null, h, tab.e, tab.eW, tab.eH, err);
    }
    return finish(y0, y1, err, norm);
  }

  @Override
  public int stages() {
    return tab.stages();
  }

  @Override
  public double[] driftStage(int j) {
    return tab.needF[j] ? f[j] : null;
  }

  @Override
  public double[] diffusionStage(int j) {
    return tab.needG[j] ? g[j] : null;
  }

  /** {@code out = (base or 0) + h Σ cf_j f_j + Σ G_j (cw_j W + ch_j H)}. */
  private void combine(double[] base, double h, double[] cf, double[] cw, double[] ch,
      double[] out) {
    if (base != null) {
      System.arraycopy(base, 0, out, 0, n);
    }
    for (int j = 0; j < cf.length; j++) {
      if (cf[j] != 0) {
        double[] fj = f[j];
        double c = h * cf[j];
        for (int k = 0; k < n; k++) {
          out[k] += c * fj[k];
        }
      }
      addNoise(g[j], cw[j], ch == null ? 0 : ch[j], out);
    }
  }

  /** {@code out += G (cw W + ch H)}. */
  private void addNoise(double[] gv, double cw, double ch, double[] out) {
    if (cw == 0 && ch == 0) {
      return;
    }
    for (int k = 0; k < m; k++) {
      mix[k] = cw * w[k] + ch * area[k];
    }
    term.addProduct(gv, mix, 1, out);
  }
}
