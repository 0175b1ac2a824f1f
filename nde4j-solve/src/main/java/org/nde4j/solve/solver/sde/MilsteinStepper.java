package org.nde4j.solve.solver.sde;

import org.nde4j.solve.stepsize.ErrorNorm;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;

/**
 * Milstein's step (Kloeden &amp; Platen 1992, §10.3 and §10.4 for commutative noise): {@code y1 =
 * y0 + h f + G W + ½ (D(G W)[G W] − κ h Σ_j (∂g^j/∂y) g^j)} with {@code κ = 1} for Itô and 0 for
 * Stratonovich, where {@code D(G W)[v]} is the derivative of {@code y ↦ g(t, y) W} along {@code
 * v}. With scalar or diagonal noise both terms reduce to {@code ½ c (W² − κ h)} per channel with
 * {@code c = (∂g/∂y) g}: one derivative evaluation. Derivative-free (scalar and diagonal noise):
 * for Itô, Kloeden &amp; Platen's (11.1.5), {@code c ≈ (g(t, ȳ) − g(t, y0)) / √h} at {@code ȳ =
 * y0 + h f + g √h} (the {@code O(√h)} error of the difference multiplies {@code W² − h}, which
 * has mean zero); for Stratonovich the factor is {@code W²}, whose mean {@code h} would turn that
 * error into a global {@code O(√h)} bias, so the difference is central, {@code c ≈ (g(y0 + g√h)
 * − g(y0 − g√h)) / (2√h)}, with an {@code O(h)} error.
 */
final class MilsteinStepper extends AbstractSdeStepper {
  private final double kappa;
  private final boolean derivativeFree;
  private final double[] f;
  private final double[] g;
  private final double[] gBar;
  private final double[] c;
  private final double[] v;
  private final double[] dg;

  MilsteinStepper(SdeTerm term, SdeType type, boolean derivativeFree) {
    super(term);
    this.kappa = type == SdeType.ITO ? 1 : 0;
    this.derivativeFree = derivativeFree;
    int len = term.diffusionLength();
    this.f = new double[n];
    this.g = new double[len];
    this.gBar = new double[len];
    this.c = new double[n];
    this.v = new double[n];
    this.dg = new double[len];
  }

  @Override
  public double attempt(double t, double h, double[] y0, double[] y1, ErrorNorm norm) {
    begin(t, h, y0, y1, false);
    term.drift(t, y0, f);
    term.diffusion(t, y0, g);
    nfe += 2;
    for (int i = 0; i < n; i++) {
      y1[i] = y0[i] + h * f[i];
    }
    term.addProduct(g, w, 1, y1);
    NoiseType noise = term.noise();
    if (noise == NoiseType.ADDITIVE) {
      return finish(y0, y1, null, norm);
    }
    boolean vectorLayout = term.diffusionLength() == n;
    if (vectorLayout) {
      // Scalar or diagonal: c = (∂g/∂y) g, the correction ½ c (W² − κh) per state.
      if (derivativeFree) {
        double sq = Math.sqrt(Math.abs(h));
        if (kappa != 0) {
          for (int i = 0; i < n; i++) {
            v[i] = y0[i] + h * f[i] + g[i] * sq;
          }
          term.diffusion(t, v, gBar);
          for (int i = 0; i < n; i++) {
            c[i] = (gBar[i] - g[i]) / sq;
          }
        } else {
          for (int i = 0; i < n; i++) {
            v[i] = y0[i] + g[i] * sq;
          }
          term.diffusion(t, v, gBar);
          for (int i = 0; i < n; i++) {
            v[i] = y0[i] - g[i] * sq;
            c[i] = gBar[i];
          }
          term.diffusion(t, v, gBar);
          for (int i = 0; i < n; i++) {
            c[i] = (c[i] - gBar[i]) / (2 * sq);
          }
          nfe++;
        }
        nfe++;
      } else {
        term.diffusionJvp(t, y0, g, c);
        nfe++;
      }
      // One channel (scalar noise, or an n × 1 general matrix): every state sees W_0.
      boolean scalar = m == 1;
      for (int i = 0; i < n; i++) {
        double wi = scalar ? w[0] : w[i];
        y1[i] += 0.5 * c[i] * (wi * wi - kappa * h);
      }
    } else {
      // General (commutative) noise: ½ D(G W)[G W] − ½ κ h Σ_j (∂g^j/∂y) g^j.
      java.util.Arrays.fill(v, 0);
      term.addProduct(g, w, 1, v);
      term.diffusionJvp(t, y0, v, dg);
      nfe++;
      term.addProduct(dg, w, 0.5, y1);
      if (kappa != 0) {
        term.selfDerivative(t, y0, g, c);
        nfe += term.noiseDim();
        for (int i = 0; i < n; i++) {
          y1[i] -= 0.5 * kappa * h * c[i];
        }
      }
    }
    return finish(y0, y1, null, norm);
  }
}
