package org.nde4j.testkit.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class AccuracyTest {

  /** Relative errors 1e−6 and 1e−8: scd is set by the worse, 6. */
  @Test void scdIsTheWorstRelativeError() {
    assertThat(Accuracy.scd(new double[] {1.000001, 200.000002}, new double[] {1, 200}))
        .isEqualTo(6, offset(1e-6));
    assertThat(Accuracy.scd(new double[] {1, 2}, new double[] {1, 2})).isInfinite();
    assertThat(Accuracy.scd(new double[] {1e-30}, new double[] {0})).isEqualTo(
        Double.NEGATIVE_INFINITY);
  }

  /**
   * ROBER-like: a reference component of 8.3e−14 with an error 1e−20, at rtol 1e−10, atol 1e−14:
   * the floor atol/rtol = 1e−4 dominates, so mescd = −log10(1e−20 / (1e−4 + 8.3e−14)) ≈ 16; the
   * other component, error 1e−9 on 1, gives ≈ 9 and decides.
   */
  @Test void mescdUsesTheFloor() {
    double[] ref = {1, 8.3e-14};
    assertThat(Accuracy.mescd(new double[] {1, 8.3e-14 + 1e-20}, ref, 1e-10, 1e-14))
        .isEqualTo(16, offset(1e-3));
    assertThat(Accuracy.mescd(new double[] {1 + 1e-9, 8.3e-14 + 1e-20}, ref, 1e-10, 1e-14))
        .isEqualTo(9 + Math.log10(1 + 1e-4), offset(1e-6));
  }

  @Test void rejectsMismatchedInputs() {
    assertThatThrownBy(() -> Accuracy.scd(new double[] {1}, new double[] {1, 2}))
        .hasMessageContaining("lengths 1");
    assertThatThrownBy(() -> Accuracy.mescd(new double[] {1}, new double[] {1}, 0, 1e-8))
        .hasMessageContaining("rtol 0");
  }
}
