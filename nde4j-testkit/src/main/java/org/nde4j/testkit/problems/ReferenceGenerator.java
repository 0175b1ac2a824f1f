package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Recomputes every stored reference of this package with {@link TaylorIntegrator} and prints the
 * values as Java literals with the agreement between two independent runs (step {@code h} against
 * {@code h/2}, or two tolerances). Run it by hand after changing a problem, and paste the
 * literals into the problem's class; it takes a few minutes, which is why it is not a test:
 *
 * <pre>
 *   java -cp nde4j-testkit/target/classes org.nde4j.testkit.problems.ReferenceGenerator
 * </pre>
 *
 * <p>Settings (also stated in each problem's Javadoc): 60 working digits, series order 40, fixed
 * steps; the Arenstorf closure with adaptive steps at local tolerance 1e−40 against 1e−45.
 */
public final class ReferenceGenerator {
  /** Working precision of every stored reference. */
  static final MathContext PRECISION = new MathContext(60);
  /** Series order of every fixed-step stored reference. */
  static final int ORDER = 40;

  private ReferenceGenerator() {}

  /** Prints all references; no arguments. */
  public static void main(String[] args) {
    long start = System.nanoTime();
    lorenz();
    BigDecimal[] rigid = fixed("rigid-body", RigidBody.taylorSystem(),
        TaylorIntegrator.exact(new RigidBody().y0()), 20, 2000);
    BigDecimal[] rigidDecimal = new TaylorIntegrator(RigidBody.taylorSystem(), ORDER, PRECISION)
        .integrate(BigDecimal.ZERO, RigidBody.y0Exact(), BigDecimal.valueOf(20), 4000);
    System.out.printf(Locale.ROOT, "  with decimal 0.9: agreement %.1f digits%n",
        agreementDigits(rigidDecimal, rigid));
    fixed("brusselator", Brusselator.taylorSystem(),
        new BigDecimal[] {new BigDecimal("1.5"), BigDecimal.valueOf(3)}, 20, 4000);
    fixed("detest-a5", DetestA.a5TaylorSystem(), new BigDecimal[] {BigDecimal.valueOf(4)}, 20,
        2000);
    arenstorf();
    System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /** Lorenz at t = 1, 2, 5, chained, with the given steps per unit time and β. */
  static BigDecimal[][] lorenz(int stepsPerUnit, BigDecimal beta) {
    TaylorIntegrator integrator =
        new TaylorIntegrator(Lorenz.taylorSystem(beta), ORDER, PRECISION);
    double[] times = Lorenz.storedTimes();
    BigDecimal[][] out = new BigDecimal[times.length][];
    BigDecimal[] y = {BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE};
    BigDecimal t = BigDecimal.ZERO;
    for (int i = 0; i < times.length; i++) {
      BigDecimal next = new BigDecimal(times[i]);
      int steps = (int) Math.round((times[i] - t.doubleValue()) * stepsPerUnit);
      y = integrator.integrate(t, y, next, steps);
      out[i] = y;
      t = next;
    }
    return out;
  }

  private static void lorenz() {
    long start = System.nanoTime();
    BigDecimal beta = new BigDecimal(Lorenz.BETA);
    BigDecimal[][] coarse = lorenz(200, beta);
    BigDecimal[][] fine = lorenz(400, beta);
    BigDecimal[][] decimal = lorenz(200, BigDecimal.valueOf(8).divide(BigDecimal.valueOf(3),
        PRECISION));
    for (int i = 0; i < coarse.length; i++) {
      report("lorenz t=" + Lorenz.storedTimes()[i], coarse[i], fine[i], start);
      System.out.printf(Locale.ROOT, "  with beta = 8/3 exactly: agreement %.1f digits%n",
          agreementDigits(decimal[i], fine[i]));
    }
  }

  private static BigDecimal[] fixed(String name, TaylorSystem system, BigDecimal[] y0, int t1,
      int steps) {
    long start = System.nanoTime();
    TaylorIntegrator integrator = new TaylorIntegrator(system, ORDER, PRECISION);
    BigDecimal[] coarse = integrator.integrate(BigDecimal.ZERO, y0, BigDecimal.valueOf(t1), steps);
    BigDecimal[] fine = integrator.integrate(BigDecimal.ZERO, y0, BigDecimal.valueOf(t1),
        2 * steps);
    report(name, coarse, fine, start);
    return fine;
  }

  private static void arenstorf() {
    long start = System.nanoTime();
    Arenstorf problem = new Arenstorf();
    TaylorIntegrator integrator = new TaylorIntegrator(
        Arenstorf.taylorSystem(new BigDecimal(Arenstorf.M), new BigDecimal(Arenstorf.M1)), 30,
        PRECISION);
    BigDecimal mu = new BigDecimal(Arenstorf.MU);
    TaylorIntegrator decimalIntegrator = new TaylorIntegrator(
        Arenstorf.taylorSystem(mu, BigDecimal.ONE.subtract(mu)), 30, PRECISION);
    BigDecimal[] y0 = TaylorIntegrator.exact(problem.y0());
    BigDecimal t1 = new BigDecimal(problem.t1());
    BigDecimal[] coarse = integrator.integrateAdaptive(BigDecimal.ZERO, y0, t1, 1e-40);
    BigDecimal[] fine = integrator.integrateAdaptive(BigDecimal.ZERO, y0, t1, 1e-45);
    report("arenstorf y(T) from the double data", coarse, fine, start);
    double closure = 0;
    for (int i = 0; i < y0.length; i++) {
      closure = Math.max(closure, fine[i].subtract(y0[i]).abs().doubleValue());
    }
    System.out.printf(Locale.ROOT, "  closure max|y(T) - y(0)| = %.3e%n", closure);
    BigDecimal[] decimal = {new BigDecimal("0.994"), BigDecimal.ZERO, BigDecimal.ZERO,
        new BigDecimal(Arenstorf.Y2DOT0)};
    BigDecimal[] exact = decimalIntegrator.integrateAdaptive(BigDecimal.ZERO, decimal,
        new BigDecimal(Arenstorf.PERIOD), 1e-45);
    double decimalClosure = 0;
    for (int i = 0; i < y0.length; i++) {
      decimalClosure = Math.max(decimalClosure, exact[i].subtract(decimal[i]).abs().doubleValue());
    }
    System.out.printf(Locale.ROOT, "  closure from the 30-digit data = %.3e%n", decimalClosure);
  }

  /** Significant digits to which {@code a} and {@code b} agree, worst component. */
  static double agreementDigits(BigDecimal[] a, BigDecimal[] b) {
    double worst = Double.POSITIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      BigDecimal diff = a[i].subtract(b[i]).abs();
      if (diff.signum() != 0) {
        worst = Math.min(worst, TaylorIntegrator.log10Abs(b[i]) - TaylorIntegrator.log10Abs(diff));
      }
    }
    return worst;
  }

  /** The correctly rounded double of {@code x}, printed with 17 significant digits. */
  static String literal(BigDecimal x) {
    BigDecimal d = new BigDecimal(x.doubleValue()).round(new MathContext(17));
    return String.format(Locale.ROOT, "%.16e", d);
  }

  private static void report(String name, BigDecimal[] coarse, BigDecimal[] fine, long start) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < fine.length; i++) {
      values.append(i == 0 ? "" : ", ").append(literal(fine[i]));
    }
    System.out.printf(Locale.ROOT, "%s: {%s}%n  agreement %.1f digits, %.1f s%n  fine run %s%n",
        name, values, agreementDigits(coarse, fine), (System.nanoTime() - start) / 1e9,
        java.util.Arrays.toString(fine));
  }
}
