package org.nde4j.testkit.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.testkit.AllocationProbe;

/** The contract of {@link OdeProblem}, run over every registered problem. */
class OdeProblemContractTest {

  static Stream<OdeProblem> problems() {
    return OdeProblems.all().stream();
  }

  static Stream<OdeProblem> withClosedForm() {
    return problems().filter(p -> p.exact(p.t0()).isPresent());
  }

  @Test void registryNamesAreUniqueAndResolve() {
    List<String> names = OdeProblems.names();
    assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    assertThat(names).contains("linear-10", "detest-a1", "detest-a5", "arenstorf", "rigid-body",
        "kepler-e0.9", "brusselator", "lorenz-t1", "lorenz-t2", "lorenz-t5", "hipparchus-p2",
        "hipparchus-p6");
    for (String name : names) {
      assertThat(OdeProblems.byName(name).name()).isEqualTo(name);
    }
  }

  @Test void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> OdeProblems.byName("rober"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'rober'").hasMessageContaining("lorenz-t1");
    assertThatThrownBy(() -> Lorenz.until(3)).hasMessageContaining("t = 3");
  }

  @ParameterizedTest @MethodSource("problems")
  void shapesAndCopies(OdeProblem p) {
    assertThat(p.citation()).isNotBlank();
    assertThat(p.t1()).isGreaterThan(p.t0());
    double[] y0 = p.y0();
    assertThat(y0).hasSize(p.dim());
    assertThat(p.reference()).hasSize(p.dim());
    y0[0] = 12345;
    p.reference()[0] = 12345;
    assertThat(p.y0()[0]).isNotEqualTo(12345);
    assertThat(p.reference()[0]).isNotEqualTo(12345);
  }

  @ParameterizedTest @MethodSource("problems")
  void rhsIsAllocationFreeAndDeterministic(OdeProblem p) {
    double[] y = p.y0();
    double[] dy = new double[p.dim()];
    double[] again = new double[p.dim()];
    double t = 0.5 * (p.t0() + p.t1());
    p.rhs(t, y, dy);
    p.rhs(t, y, again);
    assertThat(again).containsExactly(dy);
    for (double v : dy) {
      assertThat(v).as(p.name()).isFinite();
    }
    if (AllocationProbe.supported()) {
      double bytes = AllocationProbe.bytesPerCallAfterWarmup(() -> p.rhs(t, y, dy), 2000, 5);
      assertThat(bytes).as(p.name() + " bytes per rhs call").isZero();
    }
  }

  @ParameterizedTest @MethodSource("withClosedForm")
  void closedFormStartsAtY0AndEndsAtTheReference(OdeProblem p) {
    assertRelativelyClose(p.exact(p.t0()).orElseThrow(), p.y0(), 1e-15, p.name() + " at t0");
    assertRelativelyClose(p.exact(p.t1()).orElseThrow(), p.reference(), 1e-15,
        p.name() + " at t1");
  }

  /**
   * The closed form solves the ODE: its derivative by a fourth-order central difference (step
   * 1e−3, truncation error ~1e−13) matches {@code rhs(t, exact(t))} at five interior times.
   */
  @ParameterizedTest @MethodSource("withClosedForm")
  void closedFormSatisfiesTheOde(OdeProblem p) {
    double d = 1e-3;
    double[] f = new double[p.dim()];
    for (int i = 1; i <= 5; i++) {
      double t = p.t0() + (p.t1() - p.t0()) * i / 6.0;
      double[] y = p.exact(t).orElseThrow();
      double[] yp1 = p.exact(t + d).orElseThrow();
      double[] ym1 = p.exact(t - d).orElseThrow();
      double[] yp2 = p.exact(t + 2 * d).orElseThrow();
      double[] ym2 = p.exact(t - 2 * d).orElseThrow();
      p.rhs(t, y, f);
      double scale = 1;
      for (double v : y) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int k = 0; k < p.dim(); k++) {
        double derivative = (ym2[k] - 8 * ym1[k] + 8 * yp1[k] - yp2[k]) / (12 * d);
        assertThat(Math.abs(derivative - f[k]) / Math.max(1, Math.abs(f[k])))
            .as("%s component %d at t = %s", p.name(), k, t).isLessThan(1e-8 * scale);
      }
    }
  }

  /** Conserved quantities agree between y0 and the reference at t1 to round-off. */
  @ParameterizedTest @MethodSource("problems")
  void invariantsHoldAtTheReference(OdeProblem p) {
    double[] start = p.invariants(p.y0());
    double[] end = p.invariants(p.reference());
    assertThat(end).hasSameSizeAs(start);
    assertRelativelyClose(end, start, 2e-15, p.name() + " invariants");
  }

  @Test void invariantsAreDeclaredWhereTheyExist() {
    assertThat(new RigidBody().invariants(new RigidBody().y0()))
        .containsExactly(new double[] {5.0, 1 - 4 * 0.81}, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(new Kepler().invariants(new Kepler().y0())).hasSize(2);
    assertThat(new Arenstorf().invariants(new Arenstorf().y0())).hasSize(1);
    assertThat(Lorenz.until(1).invariants(Lorenz.until(1).y0())).isEmpty();
    Optional<double[]> none = new Brusselator().exact(1);
    assertThat(none).isEmpty();
  }

  static void assertRelativelyClose(double[] actual, double[] expected, double tol, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      double err = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
      assertThat(err).as("%s [%d]: %s vs %s", what, i, actual[i], expected[i])
          .isLessThanOrEqualTo(tol);
    }
  }
}
