package org.nde4j.solve.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nde4j.solve.Problems;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.testkit.problems.Arenstorf;
import org.nde4j.testkit.problems.DetestA;
import org.nde4j.testkit.problems.OdeProblem;
import org.nde4j.testkit.problems.RigidBody;

/** Adaptive solves against the testkit's published and computed references. */
class ReferenceProblemsTest {
  /**
   * The adaptive explicit methods of order ≥ 5. The implicit 5(4) ESDIRK pairs (kvaerno5,
   * kencarp5) are left out: their embedded fourth-order solutions are accurate enough that at loose
   * tolerances the estimate undershoots the fifth-order solution's local error (Kvaerno5 on A3,
   * h = 0.4: true 1.9e-5, estimate 2.7e-6), so on these non-stiff problems their global error at
   * tol 1e-6 is several hundred times the tolerance; their accuracy is tested on the stiff Bari
   * problems instead ({@code EsdirkStiffProblemsTest}).
   */
  static Stream<String> highOrder() {
    return StreamSupport.stream(SolverCatalogue.names().spliterator(), false)
        .filter(n -> SolverCatalogue.byName(n).termType().isAssignableFrom(OdeTerm.class))
        // Multistep (BDF) global errors on these non-stiff problems are not within 10 × tol
        // (DETEST A3: ~100 × at 1e-6, as SciPy's BDF); BdfNonStiffTest records their bounds.
        .filter(n -> !SolverCatalogue.byName(n).isMultistep())
        .filter(n -> !(SolverCatalogue.byName(n)
            instanceof org.nde4j.solve.solver.implicit.AbstractEsdirk))
        .filter(n -> SolverCatalogue.byName(n).isAdaptive() && SolverCatalogue.byName(n).order() >= 5);
  }

  /** Tsit5 and the methods of order ≥ 7 (DOP853, Vern9 …). */
  static Stream<String> arenstorfSolvers() {
    return highOrder().filter(n -> n.equals("tsit5") || SolverCatalogue.byName(n).order() >= 7);
  }

  /** Arenstorf's orbit closes after one period: y(T) = y0 to 1e-8 at rtol = atol = 1e-12. */
  @ParameterizedTest
  @MethodSource("arenstorfSolvers")
  void arenstorfOrbitCloses(String name) {
    Solver solver = SolverCatalogue.byName(name);
    Arenstorf p = new Arenstorf();
    Solution s = Solve.of(Problems.term(p), solver, p.t0(), p.t1(), p.y0())
        .controller(PidController.of(1e-12, 1e-12)).maxSteps(2_000_000).run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    assertThat(Problems.maxAbsDiff(s.yEnd(), p.periodicState())).as(name).isLessThan(1e-8);
  }

  /**
   * DETEST A1–A4 (Hull et al. 1972) within 10 × tolerance of their closed forms, at tolerances
   * 1e-6, 1e-8 and 1e-10. DOP853 is excluded here: its global error on A3 reaches 20 × the
   * tolerance at 1e-8 — exactly as Hipparchus's DormandPrince853Integrator does, see
   * {@link #dop853MatchesHipparchusOnDetest()}; Rodas5P too (a stiff method, checked with looser
   * bounds in its own tests).
   */
  @ParameterizedTest
  @MethodSource("highOrder")
  void detestClassA(String name) {
    if (name.equals("dop853") || name.equals("rodas5p")) {
      // rodas5p: a stiff method whose embedded estimate undershoots on A3 (global error 10–50 ×
      // tol; its constant-step order is 5.0 there), see RosenbrockReferenceTest.
      return;
    }
    Solver solver = SolverCatalogue.byName(name);
    for (double tol : new double[] {1e-6, 1e-8, 1e-10}) {
      for (OdeProblem p : List.of(DetestA.a1(), DetestA.a2(), DetestA.a3(), DetestA.a4())) {
        assertDetest(solver, p, tol);
      }
    }
  }

  private static void assertDetest(Solver solver, OdeProblem p, double tol) {
    Solution s = Solve.of(Problems.term(p), solver, p.t0(), p.t1(), p.y0())
        .controller(PidController.of(tol, tol)).maxSteps(1_000_000).run();
    double ref = p.reference()[0];
    assertThat(Math.abs(s.yEnd()[0] - ref)).as("%s on %s at %s", solver.name(), p.name(), tol)
        .isLessThan(10 * tol * Math.max(1, Math.abs(ref)));
  }

  /** DOP853's DETEST A errors equal those of Hipparchus 4.0.3 (same method, same steps). */
  @Test
  void dop853MatchesHipparchusOnDetest() {
    for (OdeProblem p : List.of(DetestA.a1(), DetestA.a2(), DetestA.a3(), DetestA.a4())) {
      for (double tol : new double[] {1e-6, 1e-8, 1e-10}) {
        Solution s = Solve.of(Problems.term(p), SolverCatalogue.byName("dop853"), p.t0(), p.t1(),
            p.y0()).controller(PidController.of(tol, tol)).run();
        var dp = new org.hipparchus.ode.nonstiff.DormandPrince853Integrator(0,
            Double.POSITIVE_INFINITY, tol, tol);
        var end = dp.integrate(new org.hipparchus.ode.OrdinaryDifferentialEquation() {
          @Override
          public int getDimension() {
            return 1;
          }

          @Override
          public double[] computeDerivatives(double t, double[] y) {
            double[] dy = new double[1];
            p.rhs(t, y, dy);
            return dy;
          }
        }, new org.hipparchus.ode.ODEState(p.t0(), p.y0()), p.t1());
        double ref = p.reference()[0];
        double ours = Math.abs(s.yEnd()[0] - ref);
        double theirs = Math.abs(end.getPrimaryState()[0] - ref);
        assertThat(ours).as("%s at %s", p.name(), tol).isCloseTo(theirs,
            within(0.01 * theirs + 1e-15));
      }
    }
  }

  /** The rigid body's two quadratic invariants drift by less than 1e-9 at rtol = atol = 1e-12. */
  @Test
  void rigidBodyInvariants() {
    RigidBody p = new RigidBody();
    for (String name : new String[] {"tsit5", "dopri5"}) {
      Solution s = Solve.of(Problems.term(p), SolverCatalogue.byName(name), p.t0(), p.t1(),
          p.y0()).controller(PidController.of(1e-12, 1e-12)).saveAt(SaveAt.steps()).run();
      double[] i0 = p.invariants(p.y0());
      for (int k = 0; k < s.size(); k++) {
        double[] ik = p.invariants(s.y(k));
        for (int j = 0; j < ik.length; j++) {
          assertThat(Math.abs(ik[j] - i0[j])).as("%s invariant %d at t=%s", name, j, s.t(k))
              .isLessThan(1e-9);
        }
      }
      assertThat(Problems.maxAbsDiff(s.yEnd(), p.reference())).isLessThan(1e-9);
    }
  }
}
