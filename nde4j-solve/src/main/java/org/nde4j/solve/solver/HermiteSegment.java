package org.nde4j.solve.solver;

/**
 * Cubic Hermite dense output of one step from its end points and end slopes: {@code y(t0 + θh) =
 * h00(θ) y0 + h01(θ) y1 + h·h10(θ) f0 + h·h11(θ) f1} with the Hermite basis {@code h00 = 1 − 3θ²
 * + 2θ³}, {@code h01 = 3θ² − 2θ³}, {@code h10 = θ − 2θ² + θ³}, {@code h11 = θ³ − θ²}. With exact
 * slopes the local interpolation error is {@code O(h⁴)}; a solver whose slopes or end point are
 * less accurate reports the lower order it achieves. Immutable.
 */
public final class HermiteSegment implements DenseSegment {
  private final double t;
  private final double h;
  private final double tEnd;
  private final double[] y0;
  private final double[] y1;
  private final double[] f0;
  private final double[] f1;

  /**
   * A segment from {@code t} to {@code t + h}; keeps the arrays (callers pass copies).
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public HermiteSegment(double t, double h, double[] y0, double[] y1, double[] f0, double[] f1) {
    this(t, h, t + h, y0, y1, f0, f1);
    if (y1.length != y0.length || f0.length != y0.length || f1.length != y0.length) {
      throw new IllegalArgumentException("HermiteSegment: y0, y1, f0, f1 must have one length,"
          + " got " + y0.length + ", " + y1.length + ", " + f0.length + ", " + f1.length);
    }
  }

  private HermiteSegment(double t, double h, double tEnd, double[] y0, double[] y1, double[] f0,
      double[] f1) {
    this.t = t;
    this.h = h;
    this.tEnd = tEnd;
    this.y0 = y0;
    this.y1 = y1;
    this.f0 = f0;
    this.f1 = f1;
  }

  /** Writes the Hermite interpolant at {@code θ} into {@code out}; no allocation. */
  public static void interpolate(double theta, double h, double[] y0, double[] y1, double[] f0,
      double[] f1, double[] out) {
    double th2 = theta * theta;
    double th3 = th2 * theta;
    double w01 = 3 * th2 - 2 * th3;
    double w10 = h * (theta - 2 * th2 + th3);
    double w11 = h * (th3 - th2);
    for (int i = 0; i < out.length; i++) {
      out[i] = y0[i] + w01 * (y1[i] - y0[i]) + w10 * f0[i] + w11 * f1[i];
    }
  }

  @Override
  public double tStart() {
    return t;
  }

  @Override
  public double tEnd() {
    return tEnd;
  }

  @Override
  public void evaluate(double time, double[] out) {
    interpolate((time - t) / h, h, y0, y1, f0, f1, out);
  }

  @Override
  public DenseSegment endingAt(double time) {
    return new HermiteSegment(t, h, time, y0, y1, f0, f1);
  }
}
