package org.nde4j.solve.solver.sde;

import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.SdeTerm;

/**
 * The additive-noise stochastic Runge–Kutta engine for an {@link AdditiveTableau}: two diffusion
 * evaluations per step (at {@code t} and {@code t + h}) whatever the number of stages.
 */
final class AdditiveSrkStepper extends AbstractSdeStepper {
  private final AdditiveTableau tab;
  private final double[][] f;
  private final double[] g0;
  private final double[] g1;
  private final double[] gw;
  private final double[] gh;
  private final double[] z;
  private final double[] v;
  private final double[] err;

  AdditiveSrkStepper(SdeTerm term, AdditiveTableau tab) {
    super(term);
    this.tab = tab;
    this.f = new double[tab.stages()][n];
    this.g0 = new double[term.diffusionLength()];
    this.g1 = new double[term.diffusionLength()];
    this.gw = new double[n];
    this.gh = new double[n];
    this.z = new double[n];
    this.v = new double[m];
    this.err = tab.e != null ? new double[n] : null;
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    begin(t, h, y0, y1, true);
    term.diffusion(t, y0, g0);
    term.diffusion(t + h, y0, g1);
    nfe += 2;
    java.util.Arrays.fill(gw, 0);
    java.util.Arrays.fill(gh, 0);
    term.addProduct(g0, w, 1, gw);
    term.addProduct(g0, area, 1, gh);
    for (int j = 0; j < tab.stages(); j++) {
      for (int k = 0; k < n; k++) {
        double s = y0[k] + tab.aW[j] * gw[k] + tab.aH[j] * gh[k];
        for (int i = 0; i < j; i++) {
          s += h * tab.a[j][i] * f[i][k];
        }
        z[k] = s;
      }
      term.drift(t + tab.c[j] * h, z, f[j]);
      nfe++;
    }
    for (int k = 0; k < n; k++) {
      double s = y0[k] + tab.bW * gw[k] + tab.bH * gh[k];
      double e = 0;
      for (int j = 0; j < tab.stages(); j++) {
        s += h * tab.b[j] * f[j][k];
        if (err != null) {
          e += h * tab.e[j] * f[j][k];
        }
      }
      y1[k] = s;
      if (err != null) {
        err[k] = e;
      }
    }
    for (int j = 0; j < m; j++) {
      v[j] = 0.5 * w[j] - area[j];
    }
    term.addProduct(g1, v, 1, y1);
    term.addProduct(g0, v, -1, y1);
    return finish(y0, y1, err, norm);
  }
}
