package org.nde4j.testkit.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StiffProblemsTest {
  @Test
  void stiffLinearExactSolutionSatisfiesTheOde() {
    StiffLinear p = StiffLinear.standard();
    assertThat(p.exact(0).orElseThrow()).containsExactly(p.y0(), within(1e-14));
    double t = 1e-4;
    double h = 1e-9;
    double[] plus = p.exact(t + h).orElseThrow();
    double[] minus = p.exact(t - h).orElseThrow();
    double[] f = new double[p.dim()];
    p.rhs(t, p.exact(t).orElseThrow(), f);
    for (int i = 0; i < f.length; i++) {
      assertThat((plus[i] - minus[i]) / (2 * h)).isCloseTo(f[i], within(1e-5 * (1 + Math.abs(f[i]))));
    }
    double[] a = p.matrix();
    double trace = 0;
    for (int i = 0; i < p.dim(); i++) {
      trace += a[i * p.dim() + i];
    }
    double sum = 0;
    for (double l : p.eigenvalues()) {
      sum += l;
    }
    assertThat(trace).isCloseTo(sum, within(1e-9 * Math.abs(sum)));
  }

  @Test
  void roberConservesMassAndHasTheBariReference() {
    Rober p = new Rober();
    double[] ref = p.reference();
    assertThat(p.invariants(ref)[0]).isCloseTo(1, within(2e-14));  // 16 printed digits
    double[] dy = new double[3];
    p.rhs(0, p.y0(), dy);
    assertThat(dy[0] + dy[1] + dy[2]).isZero();
    assertThat(StiffProblems.all()).hasSize(4);
  }

  @Test
  void vanDerPolReferencesAgreeThroughTheScaling() {
    // t = μ·τ, y2 = y2_scaled / μ: the two Bari references describe the same point.
    double[] s = VanDerPolStiff.scaled().reference();
    double[] u = VanDerPolStiff.unscaled().reference();
    assertThat(u[0]).isCloseTo(s[0], within(1e-13));
    assertThat(u[1] * 1000).isCloseTo(s[1], within(1e-12));
  }
}
