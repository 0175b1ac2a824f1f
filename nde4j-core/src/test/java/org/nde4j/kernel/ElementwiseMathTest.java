package org.nde4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * exp, tanh, sigmoid, softplus and softplus' slope of every implementation against StrictMath (fdlibm) over wide
 * ranges and at special values, with the bounds the {@link Kernels} contract promises.
 */
class ElementwiseMathTest {
  private static final int SAMPLES = 200_000;

  static List<Kernels> implementations() {
    return KernelImplementations.mathImplementations();
  }

  /** Apply one of the four functions through the array interface. */
  private interface Op {
    void apply(Kernels k, double[] x, int xo, double[] y, int yo, int n);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void expHasRelativeErrorBelow1e14(Kernels k) {
    double[] x = sample(-745.0, 709.78, 1);
    double[] y = run(k, Kernels::exp, x);
    for (int i = 0; i < x.length; i++) {
      double ref = StrictMath.exp(x[i]);
      if (ref >= Double.MIN_NORMAL) {
        assertThat(relErr(y[i], ref)).as("exp(%s)", x[i]).isLessThan(1e-14);
      } else {
        // Subnormal result: precision is absolute there; allow two subnormal ulps.
        assertThat(Math.abs(y[i] - ref)).as("exp(%s)", x[i]).isLessThanOrEqualTo(2 * Double.MIN_VALUE);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void expSpecialValues(Kernels k) {
    double[] x = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        709.78, 709.79, 710.0, 1e308, -745.2, -746.0, -1e308, 1e-300, -1e-300, 1.0, -1.0};
    double[] y = run(k, Kernels::exp, x);
    assertThat(y[0]).isNaN();
    assertThat(y[1]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(y[2]).isEqualTo(0.0);
    assertThat(y[3]).isEqualTo(1.0);
    assertThat(y[4]).isEqualTo(1.0);
    assertThat(relErr(y[5], StrictMath.exp(709.78))).isLessThan(1e-14);
    assertThat(y[6]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(y[7]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(y[8]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(y[9]).isEqualTo(0.0);
    assertThat(y[10]).isEqualTo(0.0);
    assertThat(y[11]).isEqualTo(0.0);
    assertThat(y[12]).isEqualTo(1.0);
    assertThat(y[13]).isEqualTo(1.0);
    assertThat(relErr(y[14], Math.E)).isLessThan(1e-15);
    assertThat(relErr(y[15], 1 / Math.E)).isLessThan(1e-15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void tanhMeetsAbsoluteAndRelativeBounds(Kernels k) {
    for (double[] x : List.of(sample(-25, 25, 2), sample(-1, 1, 3), logSample(1e-300, 30, 4))) {
      double[] y = run(k, Kernels::tanh, x);
      for (int i = 0; i < x.length; i++) {
        double ref = StrictMath.tanh(x[i]);
        assertThat(Math.abs(y[i] - ref)).as("tanh(%s)", x[i]).isLessThan(1e-14);
        if (Math.abs(x[i]) > 1e-3) {
          assertThat(relErr(y[i], ref)).as("tanh(%s)", x[i]).isLessThan(1e-13);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void tanhKeepsRelativeAccuracyNearZero(Kernels k) {
    double[] x = logSample(1e-300, 1e-3, 5);
    double[] y = run(k, Kernels::tanh, x);
    for (int i = 0; i < x.length; i++) {
      assertThat(relErr(y[i], StrictMath.tanh(x[i]))).as("tanh(%s)", x[i]).isLessThan(1e-14);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void tanhSpecialValues(Kernels k) {
    double[] x = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        22.5, -22.5, 1e308, -1e308, Double.MIN_VALUE, -Double.MIN_VALUE};
    double[] y = run(k, Kernels::tanh, x);
    assertThat(y[0]).isNaN();
    assertThat(y[1]).isEqualTo(1.0);
    assertThat(y[2]).isEqualTo(-1.0);
    assertThat(Double.doubleToRawLongBits(y[3])).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(Double.doubleToRawLongBits(y[4])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(y[5]).isEqualTo(1.0);
    assertThat(y[6]).isEqualTo(-1.0);
    assertThat(y[7]).isEqualTo(1.0);
    assertThat(y[8]).isEqualTo(-1.0);
    assertThat(y[9]).isEqualTo(Double.MIN_VALUE);
    assertThat(y[10]).isEqualTo(-Double.MIN_VALUE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void sigmoidMatchesReference(Kernels k) {
    for (double[] x : List.of(sample(-800, 800, 6), sample(-40, 40, 7))) {
      double[] y = run(k, Kernels::sigmoid, x);
      for (int i = 0; i < x.length; i++) {
        assertClose("sigmoid", x[i], y[i], sigmoidRef(x[i]));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void softplusMatchesReference(Kernels k) {
    for (double[] x : List.of(sample(-800, 800, 8), sample(-40, 40, 9), logSample(1e-300, 1, 10))) {
      double[] y = run(k, Kernels::softplus, x);
      for (int i = 0; i < x.length; i++) {
        assertClose("softplus", x[i], y[i], softplusRef(x[i]));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void sigmoidAndSoftplusLimits(Kernels k) {
    double[] x = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308, -1e308,
        Double.MAX_VALUE, -Double.MAX_VALUE, 0.0};
    double[] s = run(k, Kernels::sigmoid, x);
    double[] p = run(k, Kernels::softplus, x);
    assertThat(s[0]).isNaN();
    assertThat(p[0]).isNaN();
    assertThat(new double[] {s[1], s[2], s[3], s[4], s[5], s[6], s[7]})
        .containsExactly(1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.5);
    assertThat(new double[] {p[1], p[2], p[3], p[4], p[5], p[6]})
        .containsExactly(Double.POSITIVE_INFINITY, 0.0, 1e308, 0.0, Double.MAX_VALUE, 0.0);
    assertThat(relErr(p[7], StrictMath.log(2.0))).isLessThan(1e-15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void softplusSlopeMatchesExpm1(Kernels k) {
    for (double[] x : List.of(sample(-709, 800, 12), sample(-40, 40, 13),
        logSample(1e-300, 1, 14))) {
      double[] y = run(k, Kernels::softplusSlope, x);
      for (int i = 0; i < x.length; i++) {
        assertClose("softplusSlope", x[i], y[i], -StrictMath.expm1(-x[i]));
      }
    }
    double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -710.0, 1e308, 40.0, 36.0};
    double[] y = run(k, Kernels::softplusSlope, special);
    assertThat(y[0]).isNaN();
    assertThat(new double[] {y[1], y[2], y[3], y[4], y[5], y[6]})
        .containsExactly(1.0, Double.NEGATIVE_INFINITY, 0.0, Double.NEGATIVE_INFINITY, 1.0, 1.0);
    assertThat(relErr(y[7], -StrictMath.expm1(-36.0))).isLessThan(1e-15);
  }

  /** The slope read off a softplus output is the sigmoid of the softplus's operand. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void softplusSlopeOfSoftplusIsSigmoid(Kernels k) {
    for (double[] z : List.of(sample(-700, 700, 15), sample(-40, 40, 16),
        logSample(1e-300, 30, 17))) {
      double[] h = run(k, Kernels::softplus, z);
      double[] s = run(k, Kernels::softplusSlope, h);
      for (int i = 0; i < z.length; i++) {
        assertClose("softplusSlope(softplus)", z[i], s[i], sigmoidRef(z[i]));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void honoursOffsetsTailsAndInPlace(Kernels k) {
    List<Op> ops = List.of(Kernels::exp, Kernels::tanh, Kernels::sigmoid, Kernels::softplus,
        Kernels::softplusSlope);
    List<DoubleUnaryOperator> refs = List.of(StrictMath::exp, StrictMath::tanh,
        ElementwiseMathTest::sigmoidRef, ElementwiseMathTest::softplusRef,
        x -> -StrictMath.expm1(-x));
    SplittableRandom rnd = new SplittableRandom(11);
    for (int f = 0; f < ops.size(); f++) {
      for (int n = 0; n <= 13; n++) {
        double[] x = new double[n + 5];
        for (int i = 0; i < x.length; i++) {
          x[i] = rnd.nextDouble(-5, 5);
        }
        double[] y = new double[n + 4];
        java.util.Arrays.fill(y, -7.0);
        ops.get(f).apply(k, x, 3, y, 1, n);
        for (int i = 0; i < n; i++) {
          assertClose("op" + f, x[3 + i], y[1 + i], refs.get(f).applyAsDouble(x[3 + i]));
        }
        assertThat(y[0]).isEqualTo(-7.0);
        for (int i = n + 1; i < y.length; i++) {
          assertThat(y[i]).as("op %d n=%d wrote past the end", f, n).isEqualTo(-7.0);
        }
        double[] z = x.clone();
        ops.get(f).apply(k, z, 2, z, 2, n); // in place
        for (int i = 0; i < n; i++) {
          assertClose("op" + f, x[2 + i], z[2 + i], refs.get(f).applyAsDouble(x[2 + i]));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void softplusSigmoidGivesTheBitsOfTheSeparateCalls(Kernels k) {
    double[] x = sample(-60, 60, 6);
    x[7] = Double.NaN;
    x[8] = Double.NEGATIVE_INFINITY;
    x[9] = -0.0;
    for (int n : new int[] {0, 3, 256, 1001, 20_001}) {
      double[] y = new double[n + 2];
      double[] s = new double[n + 3];
      k.softplusSigmoid(x, 5, y, 2, s, 3, n);
      double[] ySeparate = new double[n + 2];
      double[] sSeparate = new double[n + 3];
      k.softplus(x, 5, ySeparate, 2, n);
      k.sigmoid(x, 5, sSeparate, 3, n);
      // array equality compares the bits (NaN equals NaN, −0 differs from 0)
      assertThat(y).as("softplus, n=%d", n).isEqualTo(ySeparate);
      assertThat(s).as("sigmoid, n=%d", n).isEqualTo(sSeparate);
    }
  }

  static double sigmoidRef(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + StrictMath.exp(-x));
    }
    double e = StrictMath.exp(x);
    return e / (1.0 + e);
  }

  static double softplusRef(double x) {
    return Math.max(x, 0.0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
  }

  private static void assertClose(String f, double x, double got, double ref) {
    if (Math.abs(ref) >= Double.MIN_NORMAL) {
      assertThat(relErr(got, ref)).as("%s(%s) = %s, expected %s", f, x, got, ref).isLessThan(1e-14);
    } else {
      assertThat(Math.abs(got - ref)).as("%s(%s) = %s, expected %s", f, x, got, ref)
          .isLessThanOrEqualTo(4 * Double.MIN_VALUE);
    }
  }

  private static double relErr(double got, double ref) {
    return Math.abs(got - ref) / Math.abs(ref);
  }

  private static double[] run(Kernels k, Op op, double[] x) {
    double[] y = new double[x.length];
    op.apply(k, x, 0, y, 0, x.length);
    return y;
  }

  private static double[] sample(double lo, double hi, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[SAMPLES];
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextDouble(lo, hi);
    }
    return x;
  }

  /** |x| log-uniform in [lo, hi], random sign. */
  private static double[] logSample(double lo, double hi, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double a = Math.log(lo);
    double b = Math.log(hi);
    double[] x = new double[SAMPLES];
    for (int i = 0; i < x.length; i++) {
      double v = Math.exp(rnd.nextDouble(a, b));
      x[i] = rnd.nextBoolean() ? v : -v;
    }
    return x;
  }
}
