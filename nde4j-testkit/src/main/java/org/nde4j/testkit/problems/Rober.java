package org.nde4j.testkit.problems;

import java.util.Optional;

/**
 * ROBER, Robertson's chemical kinetics (very stiff), from the Bari test set for IVP solvers:
 *
 * <pre>
 *   y1' = −0.04 y1 + 1e4 y2 y3
 *   y2' =  0.04 y1 − 1e4 y2 y3 − 3e7 y2²
 *   y3' =  3e7 y2²,        y(0) = (1, 0, 0),   0 ≤ t ≤ 1e11
 * </pre>
 *
 * <p>H. H. Robertson, <i>The solution of a set of reaction rate equations</i>, in Numerical
 * Analysis: an Introduction, Academic Press 1966, 178–182; F. Mazzia, C. Magherini, <i>Test Set for
 * Initial Value Problem Solvers</i>, release 2.4, University of Bari, 2008. Reference y(1e11):
 * RADAU on an Alphaserver DS20E, uround 1.01e−19, rtol = atol = h0 = 1.1e−18 (the test set's
 * {@code solut}; also deTestSet {@code R/ex_reference.R}). Invariant: {@code y1 + y2 + y3 = 1}.
 * Score with {@link Accuracy#mescd} (y2 is ~1e−13).
 */
public final class Rober implements OdeProblem {
  private static final double[] REFERENCE =
      {0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050};
  private final double t1;

  /** The Bari problem on [0, 1e11]. */
  public Rober() {
    this(1e11);
  }

  /**
   * The same system on [0, t1] (e.g. 1e5, workload W2a); {@link #reference()} exists only for
   * {@code t1 = 1e11}.
   */
  public Rober(double t1) {
    this.t1 = t1;
  }

  @Override public String name() {
    return t1 == 1e11 ? "rober" : "rober-t" + t1;
  }

  @Override public String citation() {
    return "Robertson 1966; Mazzia & Magherini, Test Set for IVP Solvers 2.4, Bari 2008";
  }

  @Override public int dim() {
    return 3;
  }

  @Override public double t0() {
    return 0;
  }

  @Override public double t1() {
    return t1;
  }

  @Override public double[] y0() {
    return new double[] {1, 0, 0};
  }

  @Override public void rhs(double t, double[] y, double[] dy) {
    double a = 0.04 * y[0];
    double b = 1e4 * y[1] * y[2];
    double c = 3e7 * y[1] * y[1];
    dy[0] = -a + b;
    dy[1] = a - b - c;
    dy[2] = c;
  }

  @Override public Optional<double[]> exact(double t) {
    return Optional.empty();
  }

  /**
   * @throws IllegalStateException for a time span other than the Bari one
   */
  @Override public double[] reference() {
    if (t1 != 1e11) {
      throw new IllegalStateException("rober: the Bari reference is at t = 1e11, not " + t1);
    }
    return REFERENCE.clone();
  }

  /** {@code y1 + y2 + y3} (= 1). */
  @Override public double[] invariants(double[] y) {
    return new double[] {y[0] + y[1] + y[2]};
  }
}
