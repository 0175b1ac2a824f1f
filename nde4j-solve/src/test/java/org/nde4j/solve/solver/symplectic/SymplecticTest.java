package org.nde4j.solve.solver.symplectic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.solve.Fields;
import org.nde4j.solve.Problems;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.solver.rk.Rk4;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.SecondOrderTerm;
import org.nde4j.testkit.problems.ConvergenceOrder;
import org.nde4j.testkit.problems.Kepler;

class SymplecticTest {
  /** The testkit's Kepler problem, state (x, y, x', y') = (q, v). */
  static final SecondOrderTerm KEPLER = SecondOrderTerm.of(2, (t, q, a) -> {
    double r2 = q[0] * q[0] + q[1] * q[1];
    double invR3 = 1 / (r2 * Math.sqrt(r2));
    a[0] = -invR3 * q[0];
    a[1] = -invR3 * q[1];
  });

  /** q'' = −q + 2 cos t, q(0) = q'(0) = 0: resonance, q = t sin t (time-dependent force). */
  static final SecondOrderTerm FORCED =
      SecondOrderTerm.of(1, (t, q, a) -> a[0] = -q[0] + 2 * Math.cos(t));

  static double[] forcedExact(double t) {
    return new double[] {t * Math.sin(t), Math.sin(t) + t * Math.cos(t)};
  }

  static Stream<String> symplectic() {
    return Stream.of("semi_implicit_euler", "verlet", "yoshida4");
  }

  static Stream<String> secondAndFourthOrder() {
    return Stream.of("verlet", "yoshida4");
  }

  private static double maxAbsDiff(double[] a, double[] b) {
    return Problems.maxAbsDiff(a, b);
  }

  @ParameterizedTest
  @MethodSource("symplectic")
  void convergesAtItsOrderOnAForcedOscillator(String name) {
    Solver solver = SolverCatalogue.byName(name);
    int[] steps = {64, 128, 256, 512, 1024};
    double[] hs = new double[steps.length];
    double[] errs = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      hs[i] = 5.0 / steps[i];
      Solution s = Solve.of(FORCED, solver, 0, 5, new double[] {0, 0}).dt0(hs[i])
          .controller(ConstantStepSize.create()).run();
      assertThat(s.stats().accepted()).isEqualTo(steps[i]);
      errs[i] = maxAbsDiff(s.yEnd(), forcedExact(5));
    }
    assertThat(errs[errs.length - 1]).isGreaterThan(1e-12);
    assertThat(ConvergenceOrder.estimate(hs, errs).order()).as(name)
        .isCloseTo(solver.order(), within(0.1));
  }

  /**
   * Kepler e = 0.9 from perihelion to t = 2, against the testkit's closed form. (Semi-implicit
   * Euler is not yet asymptotic through the perihelion at these steps: observed 0.87.)
   */
  @ParameterizedTest
  @MethodSource("secondAndFourthOrder")
  void convergesAtItsOrderOnKepler(String name) {
    Solver solver = SolverCatalogue.byName(name);
    Kepler p = new Kepler();
    int[] steps = {512, 1024, 2048, 4096, 8192};
    double[] hs = new double[steps.length];
    double[] errs = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      hs[i] = 2.0 / steps[i];
      Solution s = Solve.of(KEPLER, solver, 0, 2, p.y0()).dt0(hs[i])
          .controller(ConstantStepSize.create()).run();
      errs[i] = maxAbsDiff(s.yEnd(), p.exact(2).orElseThrow());
    }
    assertThat(ConvergenceOrder.estimate(hs, errs).order()).as(name)
        .isCloseTo(solver.order(), within(0.1));
  }

  @ParameterizedTest
  @MethodSource("symplectic")
  void evaluatesAsFewTimesAsItSays(String name) {
    AbstractSymplectic solver = (AbstractSymplectic) SolverCatalogue.byName(name);
    Solution s = Solve.of(FORCED, solver, 0, 1, new double[] {0, 0}).dt0(0.01)
        .controller(ConstantStepSize.create()).run();
    int perStep = solver.evaluationsPerStep();
    assertThat(perStep).isEqualTo(switch (name) {
      case "yoshida4" -> 3;
      default -> 1;
    });
    // A first-same-as-last acceleration costs one evaluation at the start.
    long first = name.equals("semi_implicit_euler") ? 0 : 1;
    assertThat(s.stats().nfe()).isEqualTo(100 * perStep + first);
  }

  /**
   * Off-grid dense output over fixed steps converges at min(order, interpolation order + 1): 1, 2,
   * 4 (cubic Hermite on the end points and slopes (v, a)).
   */
  @ParameterizedTest
  @MethodSource("symplectic")
  void denseOutputConverges(String name) {
    Solver solver = SolverCatalogue.byName(name);
    int expected = Math.min(solver.order(), solver.interpolationOrder() + 1);
    int[] steps = {40, 80, 160, 320};
    double[] hs = new double[steps.length];
    double[] errs = new double[steps.length];
    for (int i = 0; i < steps.length; i++) {
      hs[i] = 4.0 / steps[i];
      Solution s = Solve.of(FORCED, solver, 0, 4, new double[] {0, 0}).dt0(hs[i])
          .controller(ConstantStepSize.create()).saveAt(SaveAt.t1().withDense()).run();
      double err = 0;
      for (double t = 0.0137; t < 4; t += 0.1931) {
        err = Math.max(err, maxAbsDiff(s.evaluate(t), forcedExact(t)));
      }
      errs[i] = err;
    }
    assertThat(ConvergenceOrder.estimate(hs, errs).order()).as(name)
        .isCloseTo(expected, within(0.2));
  }

  /**
   * Kepler e = 0.9 over 100 periods at h = 0.002: the testkit's energy invariant is exactly −1/2
   * at the start (v0²/2 − 1/r0 = 19/2 − 10); Störmer–Verlet's energy error oscillates with the
   * same amplitude in the 100th period as in the first ten (no drift), while RK4's grows linearly
   * (about ten times from period 10 to period 100).
   */
  @Test
  void verletKeepsKeplersEnergyWhereRk4Drifts() {
    Kepler p = new Kepler();
    assertThat(p.invariants(p.y0())[0]).isCloseTo(-0.5, within(1e-14));
    double[] verlet = energyErrorPerPeriod(new Verlet(), p);
    double[] rk4 = energyErrorPerPeriod(new Rk4(), p);
    double verletEarly = max(verlet, 0, 10);
    assertThat(verletEarly).isLessThan(1e-2);
    assertThat(max(verlet, 90, 100)).isLessThan(1.01 * verletEarly);
    assertThat(rk4[99]).isGreaterThan(5 * rk4[9]).isGreaterThan(20 * rk4[0]);
    // Yoshida's fourth order is bounded too.
    double[] yoshida = energyErrorPerPeriod(new Yoshida4(), p);
    assertThat(max(yoshida, 90, 100)).isLessThan(1.01 * max(yoshida, 0, 10));
  }

  /** max |E − (−1/2)| over each of 100 periods (a = 1, period 2π). */
  private static double[] energyErrorPerPeriod(Solver solver, Kepler p) {
    double period = 2 * Math.PI;
    Solution s = Solve.of(KEPLER, solver, 0, 100 * period, p.y0()).dt0(0.002)
        .controller(ConstantStepSize.create()).maxSteps(1_000_000)
        .saveAt(SaveAt.steps().withFunction((t, y) -> new double[] {p.invariants(y)[0]})).run();
    double[] out = new double[100];
    for (int i = 0; i < s.size(); i++) {
      int k = (int) Math.min(99, s.t(i) / period);
      out[k] = Math.max(out[k], Math.abs(s.y(i)[0] + 0.5));
    }
    return out;
  }

  private static double max(double[] v, int from, int to) {
    double m = 0;
    for (int i = from; i < to; i++) {
      m = Math.max(m, v[i]);
    }
    return m;
  }

  @ParameterizedTest
  @MethodSource("symplectic")
  void rejectsTermsWithoutTheSecondOrderStructure(String name) {
    Solver solver = SolverCatalogue.byName(name);
    assertThat(solver.termType()).isEqualTo(SecondOrderTerm.class);
    assertThat(solver.isAdaptive()).isFalse();
    assertThatThrownBy(() -> Solve.of(Fields.detestA3(), solver, 0, 1, new double[] {1})
        .dt0(0.1).run()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name).hasMessageContaining("SecondOrderTerm")
        .hasMessageContaining("OdeTerm");
  }

  /** Every general solver sees a SecondOrderTerm as the first-order system (q' = v, v' = a). */
  @Test
  void generalSolversIntegrateASecondOrderTermThroughItsRate() {
    Kepler p = new Kepler();
    Solution a = Solve.of(KEPLER, new Rk4(), 0, 2, p.y0()).dt0(1e-3).run();
    Solution b = Solve.of(Problems.term(p), new Rk4(), 0, 2, p.y0()).dt0(1e-3).run();
    assertThat(a.yEnd()).containsExactly(b.yEnd());
    assertThat(KEPLER.size()).isEqualTo(4);
    assertThat(KEPLER.positions()).isEqualTo(2);
    assertThatThrownBy(() -> SecondOrderTerm.of(0, (t, q, acc) -> { }))
        .hasMessageContaining("got 0");
  }
}
