package org.nde4j.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fdlibm kernels against StrictMath (which is fdlibm) over [-π/4, π/4]: within one ulp. */
class QuarterTrigTest {
  @Test
  void withinOneUlpOfStrictMath() {
    int n = 200_001;
    for (int i = 0; i < n; i++) {
      double x = -Math.PI / 4 + (Math.PI / 2) * i / (n - 1);
      assertThat(Math.abs(QuarterTrig.sin(x) - StrictMath.sin(x)))
          .as("sin %s", x).isLessThanOrEqualTo(Math.ulp(StrictMath.sin(x)));
      assertThat(Math.abs(QuarterTrig.cos(x) - StrictMath.cos(x)))
          .as("cos %s", x).isLessThanOrEqualTo(Math.ulp(StrictMath.cos(x)));
    }
    assertThat(QuarterTrig.sin(0.0)).isEqualTo(0.0);
    assertThat(QuarterTrig.cos(0.0)).isEqualTo(1.0);
  }
}
