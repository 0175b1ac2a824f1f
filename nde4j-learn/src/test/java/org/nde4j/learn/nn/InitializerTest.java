package org.nde4j.learn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.random.Key;

/**
 * Sample moments of each initialiser against the distribution it claims, with bounds of four
 * standard errors for the sample size (n = 100 000 per sample; fixed seeds, so each check is a
 * single deterministic draw that a correct rule passes with probability ≈ 1 − 6e-5).
 */
class InitializerTest {
  private static final int FAN_IN = 400;
  private static final int FAN_OUT = 250;
  private static final int N = FAN_IN * FAN_OUT;

  private static double[] draw(Initializer init, long seed) {
    double[] x = new double[N + 3];
    init.fill(Key.of(seed), FAN_IN, FAN_OUT, x, 3, N);
    assertThat(x[0]).isZero();
    assertThat(x[2]).isZero();
    double[] out = new double[N];
    System.arraycopy(x, 3, out, 0, N);
    return out;
  }

  /** Mean, standard deviation and kurtosis (4th standardised moment). */
  private static double[] moments(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double m2 = 0;
    double m4 = 0;
    for (double v : x) {
      double d = (v - mean) * (v - mean);
      m2 += d;
      m4 += d * d;
    }
    m2 /= x.length;
    m4 /= x.length;
    return new double[] {mean, Math.sqrt(m2), m4 / (m2 * m2)};
  }

  /** U(−b, b): σ = b/√3, kurtosis 9/5; SE(mean) = σ/√n, SE(s)/σ = √(4/45)·3/2/√n ≈ 0.447/√n. */
  private static void assertUniform(double[] x, double bound) {
    double sigma = bound / Math.sqrt(3);
    double[] m = moments(x);
    assertThat(m[0]).isCloseTo(0, within(4 * sigma / Math.sqrt(N)));
    assertThat(m[1] / sigma).isCloseTo(1, within(4 * 0.447 / Math.sqrt(N)));
    assertThat(m[2]).isCloseTo(1.8, within(0.03));
    double max = 0;
    for (double v : x) {
      assertThat(v).isBetween(-bound, bound);
      max = Math.max(max, Math.abs(v));
    }
    assertThat(max).isGreaterThan(bound * (1 - 1e-3));
  }

  /** N(0, σ²): SE(mean) = σ/√n, SE(s)/σ = 1/√(2n), SE(kurtosis) = √(24/n). */
  private static void assertNormal(double[] x, double sigma) {
    double[] m = moments(x);
    assertThat(m[0]).isCloseTo(0, within(4 * sigma / Math.sqrt(N)));
    assertThat(m[1] / sigma).isCloseTo(1, within(4 / Math.sqrt(2.0 * N)));
    assertThat(m[2]).isCloseTo(3, within(4 * Math.sqrt(24.0 / N)));
  }

  @Test
  void pytorchDefaultIsUniformOnOneOverRootFanIn() {
    assertUniform(draw(Initializer.pytorchDefault(), 1), 1 / Math.sqrt(FAN_IN));
  }

  @Test
  void glorotUniformAndNormal() {
    assertUniform(draw(Initializer.glorotUniform(1.0), 2), Math.sqrt(6.0 / (FAN_IN + FAN_OUT)));
    assertUniform(draw(Initializer.glorotUniform(2.0), 3), 2 * Math.sqrt(6.0 / (FAN_IN + FAN_OUT)));
    assertNormal(draw(Initializer.glorotNormal(1.0), 4), Math.sqrt(2.0 / (FAN_IN + FAN_OUT)));
  }

  @Test
  void heNormalAndNormalWithStd() {
    assertNormal(draw(Initializer.heNormal(), 5), Math.sqrt(2.0 / FAN_IN));
    assertNormal(draw(Initializer.normal(0.1), 6), 0.1);
    assertUniform(draw(Initializer.uniform(0.3), 7), 0.3);
  }

  @Test
  void zerosAndConstant() {
    assertThat(draw(Initializer.zeros(), 8)).containsOnly(0.0);
    assertThat(draw(Initializer.constant(1.5), 8)).containsOnly(1.5);
  }

  @Test
  void sameKeySameValuesOtherKeyOtherValues() {
    Mlp mlp = Mlp.builder(4, 16, 16, 2).activation(Activation.RELU)
        .init(Initializer.heNormal(), Initializer.zeros()).build();
    double[] a = mlp.init(Key.of(42)).values();
    assertThat(mlp.init(Key.of(42)).values()).isEqualTo(a);
    assertThat(mlp.init(Key.of(43)).values()).isNotEqualTo(a);
    ParameterSet p = mlp.init(Key.of(42));
    assertThat(p.get("1.bias").toArray()).containsOnly(0.0);
    // Layers draw from different keys: the two 16-wide hidden weights are not copies.
    assertThat(p.get("1.weight").toArray()).isNotEqualTo(p.get("0.weight").toArray());
  }

  @Test
  void linearAndGruFollowPyTorchBounds() {
    ParameterSet lin = Linear.of(9, 5).init(Key.of(1));
    for (double v : lin.values()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(1 / 3.0);
    }
    ParameterSet gru = GruCell.of(3, 16).init(Key.of(1));
    for (double v : gru.values()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(0.25);
    }
    ParameterSet ln = LayerNorm.of(4).init(Key.of(1));
    assertThat(ln.values()).containsExactly(1, 1, 1, 1, 0, 0, 0, 0);
  }

  @Test
  void badScalesAreRejectedByName() {
    assertThatThrownBy(() -> Initializer.normal(-1)).hasMessageContaining("std");
    assertThatThrownBy(() -> Initializer.glorotUniform(Double.NaN)).hasMessageContaining("gain");
    assertThatThrownBy(() -> Initializer.pytorchDefault().fill(Key.of(0), 0, 1, new double[1], 0,
        1)).hasMessageContaining("fanIn");
  }
}
