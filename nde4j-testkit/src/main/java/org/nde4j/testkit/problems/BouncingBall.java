package org.nde4j.testkit.problems;

/**
 * A ball falling under constant gravity and bouncing on the floor: the standard test of event
 * location with state resets. Not an {@link OdeProblem}, because the solution is only piecewise
 * smooth.
 *
 * <pre>
 *   x' = v,   v' = −g   while x &gt; 0;
 *   at x = 0 with v &lt; 0:   v ↦ −e v   (coefficient of restitution 0 &lt; e ≤ 1)
 * </pre>
 *
 * <p>The example of L. F. Shampine, S. Thompson, <i>Event location for ordinary differential
 * equations</i>, Comput. Math. Appl. 39(5–6):43–54, 2000 (MATLAB's {@code ballode}). Everything is
 * in closed form: with {@code u1 = √(v0² + 2 g x0)} the speed at the first impact, the impacts are
 * at
 * <pre>
 *   t_1 = (v0 + u1)/g,
 *   t_k = t_1 + (2 u1/g) Σ_{j=1}^{k−1} e^j = t_1 + (2 u1 e/g)(1 − e^{k−1})/(1 − e),
 * </pre>
 * the ball leaves the k-th impact with speed {@code e^k u1}, and for {@code e < 1} the impacts
 * accumulate at the Zeno time {@code t_1 + 2 u1 e/(g(1 − e))}, after which the ball rests at
 * {@code x = 0}. State {@code (x, v)}.
 */
public final class BouncingBall {
  private final double g;
  private final double restitution;
  private final double x0;
  private final double v0;

  /**
   * @param g           gravitational acceleration, positive
   * @param restitution coefficient of restitution {@code e}, in {@code (0, 1]}
   * @param x0          initial height, positive
   * @param v0          initial upward velocity (any sign)
   * @throws IllegalArgumentException for values outside those ranges
   */
  public BouncingBall(double g, double restitution, double x0, double v0) {
    if (!(g > 0 && g < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("g must be positive and finite, got " + g);
    }
    if (!(restitution > 0 && restitution <= 1)) {
      throw new IllegalArgumentException("restitution must be in (0, 1], got " + restitution);
    }
    if (!(x0 > 0 && x0 < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("x0 must be positive and finite, got " + x0);
    }
    if (!Double.isFinite(v0)) {
      throw new IllegalArgumentException("v0 must be finite, got " + v0);
    }
    this.g = g;
    this.restitution = restitution;
    this.x0 = x0;
    this.v0 = v0;
  }

  /** g = 9.81, e = 0.8, dropped from rest at height 10: seven impacts in {@code [0, 10]}. */
  public static BouncingBall standard() {
    return new BouncingBall(9.81, 0.8, 10, 0);
  }

  /** Where the problem comes from. */
  public String citation() {
    return "L. F. Shampine, S. Thompson, Event location for ordinary differential equations,"
        + " Comput. Math. Appl. 39(5-6):43-54, 2000";
  }

  /** Gravitational acceleration. */
  public double g() {
    return g;
  }

  /** Coefficient of restitution. */
  public double restitution() {
    return restitution;
  }

  /** Initial time, 0. */
  public double t0() {
    return 0;
  }

  /** The initial state {@code (x0, v0)}, a fresh array. */
  public double[] y0() {
    return new double[] {x0, v0};
  }

  /** The flight dynamics {@code (x', v') = (v, −g)}; allocation-free. */
  public void rhs(double t, double[] y, double[] dy) {
    dy[0] = y[1];
    dy[1] = -g;
  }

  /** The event function: the height {@code x}, whose downward zero crossings are the impacts. */
  public double event(double t, double[] y) {
    return y[0];
  }

  /** The reset at an impact: {@code (x, v) ↦ (0, −e v)}, in place. */
  public void reset(double[] y) {
    y[0] = 0;
    y[1] = -restitution * y[1];
  }

  /** Speed at the first impact, {@code √(v0² + 2 g x0)}. */
  private double impactSpeed() {
    return Math.sqrt(v0 * v0 + 2 * g * x0);
  }

  /**
   * The first {@code n} impact times {@code t_1 < t_2 < … < t_n}, in closed form.
   *
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public double[] bounceTimes(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    double u1 = impactSpeed();
    double first = (v0 + u1) / g;
    double[] times = new double[n];
    for (int k = 1; k <= n; k++) {
      double geometric = restitution == 1 ? k - 1
          : restitution * -Math.expm1((k - 1) * Math.log(restitution)) / (1 - restitution);
      times[k - 1] = first + 2 * u1 / g * geometric;
    }
    return times;
  }

  /**
   * The accumulation point of the impacts, {@code t_1 + 2 u1 e/(g(1 − e))}; infinite when
   * {@code e = 1}.
   */
  public double zenoTime() {
    if (restitution == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double u1 = impactSpeed();
    return (v0 + u1) / g + 2 * u1 * restitution / (g * (1 - restitution));
  }

  /**
   * The exact state {@code (x, v)} at {@code t ≥ 0}; at an impact time the post-impact velocity.
   * After the Zeno time the ball rests: {@code (0, 0)}.
   *
   * @throws IllegalArgumentException if {@code t < 0} or is not finite
   */
  public double[] state(double t) {
    if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("t must be >= 0 and finite, got " + t);
    }
    double u1 = impactSpeed();
    double first = (v0 + u1) / g;
    if (t < first) {
      return new double[] {x0 + v0 * t - 0.5 * g * t * t, v0 - g * t};
    }
    if (t >= zenoTime()) {
      return new double[] {0, 0};
    }
    double start = first;
    double speed = restitution * u1;
    while (true) {
      double flight = 2 * speed / g;
      if (start + flight == start) {
        return new double[] {0, 0};   // flights below round-off: at rest in floating point
      }
      if (t < start + flight) {
        double s = t - start;
        return new double[] {speed * s - 0.5 * g * s * s, speed - g * s};
      }
      start += flight;
      speed *= restitution;
    }
  }
}
