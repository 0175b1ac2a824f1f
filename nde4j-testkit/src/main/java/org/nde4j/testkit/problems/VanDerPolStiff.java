package org.nde4j.testkit.problems;

import java.util.Optional;

/**
 * Stiff Van der Pol oscillators of the Bari test set, in two forms:
 *
 * <ul>
 *   <li>{@link #scaled()} (VDPOL): {@code y1' = y2, y2' = ((1 − y1²) y2 − y1)/ε}, ε = 1e−6,
 *       y(0) = (2, 0), t ∈ [0, 2]; reference RADAU, Alphaserver, uround 1.01e−19, rtol = atol = h0
 *       = 1.1e−18 (Bari {@code vdpol.f solut}).
 *   <li>{@link #unscaled()}: {@code y2' = μ(1 − y1²) y2 − y1}, μ = 1000, y(0) = (2, 0),
 *       t ∈ [0, 2000]; reference deTestSet {@code R/ex_reference.R}.
 * </ul>
 *
 * <p>F. Mazzia, C. Magherini, <i>Test Set for Initial Value Problem Solvers</i>, release 2.4,
 * University of Bari, 2008; K. Soetaert, J. Cash, F. Mazzia, deTestSet. The two references are
 * separate computations and agree only to ~1e−14 relative. {@link #workloadW2b()} is the same
 * unscaled system on [0, 3000] (no stored reference).
 */
public final class VanDerPolStiff implements OdeProblem {
  private final String name;
  private final boolean scaled;
  private final double parameter;
  private final double t1;
  private final double[] reference;

  private VanDerPolStiff(String name, boolean scaled, double parameter, double t1,
      double[] reference) {
    this.name = name;
    this.scaled = scaled;
    this.parameter = parameter;
    this.t1 = t1;
    this.reference = reference;
  }

  /** VDPOL, ε = 1e−6 on [0, 2]. */
  public static VanDerPolStiff scaled() {
    return new VanDerPolStiff("vdpol-scaled", true, 1e-6, 2,
        new double[] {0.1706167732170483e1, -0.8928097010247975e0});
  }

  /** μ = 1000 on [0, 2000]. */
  public static VanDerPolStiff unscaled() {
    return new VanDerPolStiff("vdpol-mu1000", false, 1000, 2000,
        new double[] {0.1706167732170469e1, -0.8928097010248125e-3});
  }

  /** μ = 1000 on [0, 3000] (workload W2b); no stored reference. */
  public static VanDerPolStiff workloadW2b() {
    return new VanDerPolStiff("vdpol-w2b", false, 1000, 3000, null);
  }

  @Override public String name() {
    return name;
  }

  @Override public String citation() {
    return "Mazzia & Magherini, Test Set for IVP Solvers 2.4, Bari 2008; deTestSet";
  }

  @Override public int dim() {
    return 2;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return t1;
  }

  @Override public double[] y0() {
    return new double[] {2, 0};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    dy[0] = y[1];
    double g = (1 - y[0] * y[0]) * y[1];
    dy[1] = scaled ? (g - y[0]) / parameter : parameter * g - y[0];
  }

  @Override public Optional<double[]> exact(double t) {
    return Optional.empty();
  }

  /**
   * @throws IllegalStateException for the W2b span, which has no stored reference
   */
  @Override public double[] reference() {
    if (reference == null) {
      throw new IllegalStateException(name + ": no stored reference");
    }
    return reference.clone();
  }
}
