package org.nde4j.solve.solver.sde;

import java.util.Arrays;
import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.SdeTerm;

/**
 * The engine of Rößler's SRI methods ({@link SriTableau}) for scalar, diagonal and additive
 * noise. The iterated integrals come from the increment {@code W} and the space-time Lévy area
 * {@code H} of the step, per channel (with {@code h} the step's length):
 *
 * <pre>
 *   I_(1,1)   = (W² − h) / 2                 exact, a function of W
 *   I_(1,1,1) = (W³ − 3hW) / 6               exact, a function of W
 *   I_(1,0)   = ∫ (W(s) − W(t)) ds = h (W/2 + H)   exact: H is defined as (1/h) ∫ (W(s) − W(t)) ds − W/2
 * </pre>
 *
 * <p>so no integral is approximated ({@code I_(0,1) = hW − I_(1,0)} follows). With diagonal noise
 * the stage value {@code H1_i} carries each state's own channel (its {@code j}-th diffusion value
 * only reads component {@code j}), so one state vector per stage serves all channels; with scalar
 * noise the diffusion is a column and every state sees the one channel. A step with {@code h < 0}
 * uses the increment and area of the time-reversed path ({@code AbstractSdeStepper}) and
 * {@code |h|} in the integrals.
 */
final class SriStepper extends AbstractSdeStepper {
  private final SriTableau tab;
  private final double[][] f;
  private final double[][] g;
  private final double[] z;
  private final double[] i11;
  private final double[] i10;
  private final double[] i111;
  private final double[] ones;
  private final double[] mix;

  SriStepper(SdeTerm term, SriTableau tab) {
    super(term);
    this.tab = tab;
    int s = tab.stages();
    this.f = new double[s][n];
    this.g = new double[s][term.diffusionLength()];
    this.z = new double[n];
    this.i11 = new double[m];
    this.i10 = new double[m];
    this.i111 = new double[m];
    this.ones = new double[m];
    this.mix = new double[m];
    Arrays.fill(ones, 1);
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    begin(t, h, y0, y1, true);
    double len = Math.abs(h);
    double sq = Math.sqrt(len);
    for (int k = 0; k < m; k++) {
      double wk = w[k];
      i11[k] = 0.5 * (wk * wk - len) / sq;           // I_(1,1) / √h
      i10[k] = 0.5 * wk + area[k];                    // I_(1,0) / h
      i111[k] = wk * (wk * wk - 3 * len) / (6 * len); // I_(1,1,1) / h
    }
    int s = tab.stages();
    for (int i = 0; i < s; i++) {
      if (tab.needF[i]) {
        stage(y0, h, tab.a0[i], tab.b0[i], i10, 1, i);
        term.drift(t + tab.c0[i] * h, z, f[i]);
        nfe++;
      }
      if (tab.needG[i]) {
        stage(y0, h, tab.a1[i], tab.b1[i], ones, sq, i);
        term.diffusion(t + tab.c1[i] * h, z, g[i]);
        nfe++;
      }
    }
    System.arraycopy(y0, 0, y1, 0, n);
    for (int i = 0; i < s; i++) {
      if (tab.alpha[i] != 0) {
        double c = h * tab.alpha[i];
        for (int k = 0; k < n; k++) {
          y1[k] += c * f[i][k];
        }
      }
      if (tab.needG[i]) {
        for (int k = 0; k < m; k++) {
          mix[k] = tab.beta1[i] * w[k] + tab.beta2[i] * i11[k] + tab.beta3[i] * i10[k]
              + tab.beta4[i] * i111[k];
        }
        term.addProduct(g[i], mix, 1, y1);
      }
    }
    return finish(y0, y1, null, norm);
  }

  /** {@code z = y0 + h Σ_{j<i} a_j f_j + Σ_{j<i} b_j G_j (scale · v)}. */
  private void stage(double[] y0, double h, double[] a, double[] b, double[] v, double scale,
      int i) {
    System.arraycopy(y0, 0, z, 0, n);
    for (int j = 0; j < i; j++) {
      if (a[j] != 0) {
        double c = h * a[j];
        for (int k = 0; k < n; k++) {
          z[k] += c * f[j][k];
        }
      }
      if (b[j] != 0) {
        term.addProduct(g[j], v, scale * b[j], z);
      }
    }
  }
}
