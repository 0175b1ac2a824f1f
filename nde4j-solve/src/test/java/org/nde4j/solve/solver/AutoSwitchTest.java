package org.nde4j.solve.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nde4j.solve.Problems;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.testkit.problems.Accuracy;
import org.nde4j.testkit.problems.Arenstorf;
import org.nde4j.testkit.problems.VanDerPolStiff;

class AutoSwitchTest {
  /** VDPOL (ε = 1e-6) turns stiff at once: auto switches to the stiff method and solves it. */
  @Test
  void switchesToTheStiffMethodOnVanDerPol() {
    VanDerPolStiff p = VanDerPolStiff.unscaled();
    Solution s = Solve.of(Problems.term(p), SolverCatalogue.byName("auto"), p.t0(), p.t1(),
        p.y0()).controller(PidController.of(1e-7, 1e-7)).maxSteps(200_000).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.diagnosis().cause()).contains("Methods used (auto): tsit5 from t = 0.0")
        .contains("rodas5p from t = ");
    assertThat(s.diagnosis().suggestion()).doesNotContain("stiff");
    assertThat(Accuracy.mescd(s.yEnd(), p.reference(), 1e-7, 1e-7)).isGreaterThan(4.5);
    assertThat(s.stats().work().factorizations()).isPositive();
    // An explicit method alone needs orders of magnitude more steps.
    Solution explicit = Solve.of(Problems.term(p), new Tsit5(), p.t0(), p.t1(), p.y0())
        .controller(PidController.of(1e-7, 1e-7)).maxSteps(200_000).run();
    assertThat(explicit.stats().steps()).isGreaterThan(20 * s.stats().steps());
  }

  /** Arenstorf is not stiff: auto stays with the explicit method (no switch, no Jacobian). */
  @Test
  void staysExplicitOnArenstorf() {
    Arenstorf p = new Arenstorf();
    Solution s = Solve.of(Problems.term(p), SolverCatalogue.byName("auto"), p.t0(), p.t1(),
        p.y0()).controller(PidController.of(1e-10, 1e-10)).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(s.diagnosis().cause()).contains("(no switch)");
    assertThat(s.stats().work().factorizations()).isZero();
    Solution tsit5 = Solve.of(Problems.term(p), new Tsit5(), p.t0(), p.t1(), p.y0())
        .controller(PidController.of(1e-10, 1e-10)).run();
    assertThat(s.yEnd()).containsExactly(tsit5.yEnd());
  }

  @Test
  void needsAnExplicitRungeKuttaMethod() {
    assertThatThrownBy(() -> new AutoSwitch(SolverCatalogue.byName("rodas5p"), new Tsit5()))
        .hasMessageContaining("explicit Runge–Kutta").hasMessageContaining("rodas5p");
  }
}
