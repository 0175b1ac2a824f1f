package org.nde4j.testkit.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arbitrary-precision reference integrator and the Taylor forms of the problems. */
class TaylorIntegratorTest {
  private static final MathContext MC = new MathContext(60);

  /** y' = −y to t = 1 against e^{−1} summed from its series to 60 digits. */
  @Test void decayMatchesTheExponentialTo50Digits() {
    TaylorSystem decay = new TaylorSystem() {
      @Override public int dim() {
        return 1;
      }

      @Override public void coefficient(int k, BigDecimal t, BigDecimal[][] y, BigDecimal[][] aux,
          BigDecimal[] f, MathContext mc) {
        f[0] = y[0][k].negate();
      }
    };
    BigDecimal expected = BigDecimal.ZERO;
    BigDecimal term = BigDecimal.ONE;
    for (int k = 1; k < 80; k++) {
      expected = expected.add(term, MC);
      term = term.divide(BigDecimal.valueOf(-k), MC);
    }
    BigDecimal fixed = new TaylorIntegrator(decay, 30, MC)
        .integrate(BigDecimal.ZERO, new BigDecimal[] {BigDecimal.ONE}, BigDecimal.ONE, 10)[0];
    BigDecimal adaptive = new TaylorIntegrator(decay, 30, MC)
        .integrateAdaptive(BigDecimal.ZERO, new BigDecimal[] {BigDecimal.ONE}, BigDecimal.ONE,
            1e-55)[0];
    assertThat(fixed.subtract(expected).abs()).isLessThan(new BigDecimal("1e-50"));
    assertThat(adaptive.subtract(expected).abs()).isLessThan(new BigDecimal("1e-50"));
  }

  /**
   * The stored Lorenz reference at t = 1 is recomputed independently of {@link
   * ReferenceGenerator}'s settings (adaptive steps, order 30 instead of fixed steps, order 40) and
   * matches to 1e−15 relative.
   */
  @Test void storedLorenzReferenceRecomputes() {
    long start = System.nanoTime();
    BigDecimal[] y = new TaylorIntegrator(Lorenz.taylorSystem(new BigDecimal(Lorenz.BETA)), 30, MC)
        .integrateAdaptive(BigDecimal.ZERO, TaylorIntegrator.exact(new double[] {1, 1, 1}),
            BigDecimal.ONE, 1e-45);
    double[] stored = Lorenz.until(1).reference();
    for (int i = 0; i < 3; i++) {
      assertThat(Math.abs(y[i].doubleValue() - stored[i]) / Math.abs(stored[i]))
          .as("component %d", i).isLessThanOrEqualTo(1e-15);
    }
    assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(20);
  }

  /** Integrating forward and back again returns to the start to ~50 digits. */
  @Test void backwardIntegrationUndoesForward() {
    TaylorIntegrator integrator = new TaylorIntegrator(RigidBody.taylorSystem(), 30, MC);
    BigDecimal[] y0 = RigidBody.y0Exact();
    BigDecimal half = new BigDecimal("0.5");
    BigDecimal[] forward = integrator.integrate(BigDecimal.ZERO, y0, half, 20);
    BigDecimal[] back = integrator.integrate(half, forward, BigDecimal.ZERO, 20);
    for (int i = 0; i < 3; i++) {
      assertThat(back[i].subtract(y0[i]).abs()).isLessThan(new BigDecimal("1e-50"));
    }
  }

  /**
   * Each Taylor form codes the same vector field as the double {@code rhs}: the order-0
   * coefficient equals {@code f(t, y)}, and the order-1 coefficient equals {@code (d/dt) f(t,
   * y(t)) = ∂f/∂t + J f}, checked against a fourth-order central difference of {@code rhs} along
   * {@code (1, f)}, at random states near a base state (for Arenstorf one away from the Moon,
   * whose singularity is 0.006 from {@code y0}).
   */
  @Test void taylorFormsAgreeWithRhs() {
    record Case(OdeProblem problem, TaylorSystem system, double[] base) {
      Case(OdeProblem problem, TaylorSystem system) {
        this(problem, system, problem.y0());
      }
    }
    Arenstorf arenstorf = new Arenstorf();
    List<Case> cases = List.of(
        new Case(Lorenz.until(1), Lorenz.taylorSystem(new BigDecimal(Lorenz.BETA))),
        new Case(new RigidBody(), RigidBody.taylorSystem()),
        new Case(new Brusselator(), Brusselator.taylorSystem()),
        new Case(DetestA.a5(), DetestA.a5TaylorSystem()),
        new Case(arenstorf, Arenstorf.taylorSystem(new BigDecimal(Arenstorf.M),
            new BigDecimal(Arenstorf.M1)), new double[] {0.5, 0.3, 0.1, -1}));
    Random random = new Random(3);
    for (Case c : cases) {
      OdeProblem p = c.problem();
      TaylorSystem s = c.system();
      int n = p.dim();
      for (int trial = 0; trial < 5; trial++) {
        double t = 0.3 + random.nextDouble();
        double[] y = c.base().clone();
        for (int i = 0; i < n; i++) {
          y[i] += 0.2 * (random.nextDouble() - 0.5);
        }
        BigDecimal[][] series = new BigDecimal[n][3];
        BigDecimal[][] aux = new BigDecimal[s.auxiliaries()][3];
        BigDecimal[] f = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
          series[i][0] = new BigDecimal(y[i]);
        }
        s.coefficient(0, new BigDecimal(t), series, aux, f, MC);
        double[] f0 = new double[n];
        p.rhs(t, y, f0);
        for (int i = 0; i < n; i++) {
          assertThat(f[i].doubleValue()).as("%s f_%d order 0", p.name(), i)
              .isCloseTo(f0[i], org.assertj.core.data.Offset.offset(1e-13 * (1 + Math.abs(f0[i]))));
          series[i][1] = f[i];
        }
        s.coefficient(1, new BigDecimal(t), series, aux, f, MC);
        double d = 1e-3;
        double[][] shifted = new double[4][n];
        double[] shifts = {-2, -1, 1, 2};
        for (int m = 0; m < 4; m++) {
          double[] ys = new double[n];
          for (int i = 0; i < n; i++) {
            ys[i] = y[i] + shifts[m] * d * f0[i];
          }
          p.rhs(t + shifts[m] * d, ys, shifted[m]);
        }
        for (int i = 0; i < n; i++) {
          double fd = (shifted[0][i] - 8 * shifted[1][i] + 8 * shifted[2][i] - shifted[3][i])
              / (12 * d);
          assertThat(f[i].doubleValue()).as("%s f_%d order 1", p.name(), i)
              .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-8 * (1 + Math.abs(fd))));
        }
      }
    }
  }

  @Test void rejectsBadArguments() {
    TaylorIntegrator integrator = new TaylorIntegrator(RigidBody.taylorSystem(), 10, MC);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> integrator.integrate(
        BigDecimal.ZERO, new BigDecimal[2], BigDecimal.ONE, 1)).hasMessageContaining("length 2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> integrator.integrateAdaptive(
        BigDecimal.ZERO, RigidBody.y0Exact(), BigDecimal.ONE, 0)).hasMessageContaining("tolerance");
  }
}
