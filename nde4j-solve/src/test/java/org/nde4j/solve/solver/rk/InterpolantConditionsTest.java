package org.nde4j.solve.solver.rk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Continuous weights b_i(θ) of every method's dense output: b_i(1) = b_i, and the continuous order
 * conditions Σ_i b_i(θ) Φ_i(t) = θ^ρ(t)/γ(t) over main and extra stages up to the interpolation
 * order.
 */
class InterpolantConditionsTest {
  private static final double[] THETAS = {0.2, 0.5, 0.8};

  static List<String> names() {
    return Tableaus.names();
  }

  private static double[] weightsAt(AbstractExplicitRk rk, double theta) {
    double[] w = new double[rk.interpolant().totalStages()];
    rk.interpolant().weights(theta, w);
    return w;
  }

  @ParameterizedTest
  @MethodSource("names")
  void weightsAtOneAreTheMethodsWeights(String name) {
    AbstractExplicitRk rk = Tableaus.byName(name);
    double[] w = weightsAt(rk, 1);
    double[] b = rk.tableau().b();
    // Coefficients of magnitude up to ~1e3 (Vern9) and Diffrax's 20-digit ones (Dopri8)
    // reproduce b to about 1e-12 in double.
    double tol = name.equals("dopri8") ? 2e-12 : 1e-12;
    for (int i = 0; i < w.length; i++) {
      assertThat(w[i]).as("%s b_%d(1)", name, i + 1)
          .isCloseTo(i < b.length ? b[i] : 0, org.assertj.core.api.Assertions.within(tol));
    }
    assertThat(weightsAt(rk, 0)).containsOnly(0.0);
  }

  @ParameterizedTest
  @MethodSource("names")
  void continuousOrderConditionsHoldUpToTheInterpolationOrder(String name) {
    AbstractExplicitRk rk = Tableaus.byName(name);
    int q = rk.interpolationOrder();
    RootedTrees trees = RootedTrees.upTo(q);
    double[][] phi = trees.elementaryWeights(Tableaus.extendedMatrix(rk));
    for (double theta : THETAS) {
      double[] w = weightsAt(rk, theta);
      for (int rho = 1; rho <= q; rho++) {
        assertThat(trees.residual(w, phi, rho, theta))
            .as("%s at θ=%s, trees of order %d", name, theta, rho).isLessThan(1e-12);
      }
    }
  }

  /** The orders claimed below the published ones, with the residuals that justify them. */
  @Test
  void publishedInterpolationOrdersThatDoNotHold() {
    RootedTrees trees = RootedTrees.upTo(7);
    AbstractExplicitRk dopri8 = Tableaus.byName("dopri8");
    double[][] phi8 = trees.elementaryWeights(Tableaus.extendedMatrix(dopri8));
    assertThat(trees.residual(weightsAt(dopri8, 0.5), phi8, 6, 0.5)).isGreaterThan(1e-7);

    AbstractExplicitRk vern7 = Tableaus.byName("vern7");
    double[][] phi7 = trees.elementaryWeights(Tableaus.extendedMatrix(vern7));
    double r7 = trees.residual(weightsAt(vern7, 0.3), phi7, 7, 0.3);
    assertThat(r7).isBetween(1e-8, 1e-6);
  }

  /**
   * DOP853's weights are derived in the class from Hairer's contd8 form; evaluate that form
   * directly (nested, on random stage values) and compare.
   */
  @Test
  void dop853WeightsReproduceHairersContd8() {
    Dop853 rk = new Dop853();
    ButcherTableau t = rk.tableau();
    SplittableRandom rnd = new SplittableRandom(42);
    double[] k = new double[16];
    for (int i = 0; i < 16; i++) {
      k[i] = rnd.nextDouble(-1, 1);
    }
    double h = 0.37;
    double[][] d = dop853D();
    double delta = 0;
    for (int i = 0; i < 13; i++) {
      delta += h * t.b(i) * k[i];
    }
    double r1 = delta;
    double r2 = h * k[0] - delta;
    double r3 = delta - h * k[12] - r2;
    double[] r = new double[4];
    for (int m = 0; m < 4; m++) {
      for (int i = 0; i < 16; i++) {
        r[m] += h * d[m][i] * k[i];
      }
    }
    for (double s : new double[] {0.1, 0.33, 0.5, 0.9, 1.0}) {
      double s1 = 1 - s;
      double conpar = r[0] + s * (r[1] + s1 * (r[2] + s * r[3]));
      double hairer = s * (r1 + s1 * (r2 + s * (r3 + s1 * conpar)));
      double[] w = weightsAt(rk, s);
      double ours = 0;
      for (int i = 0; i < 16; i++) {
        ours += h * w[i] * k[i];
      }
      assertThat(ours).as("θ=%s", s).isCloseTo(hairer, org.assertj.core.api.Assertions.within(
          1e-13));
    }
  }

  /** Hairer's d4…d7 (dop853.f, to 30 digits as printed there; SciPy's D). */
  private static double[][] dop853D() {
    double[][] d = new double[4][16];
    int[] idx = {0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    double[][] v = {
        {-0.84289382761090128651353491142e1, 0.56671495351937776962531783590,
            -0.30689499459498916912797304727e1, 0.23846676565120698287728149680e1,
            0.21170345824450282767155149946e1, -0.87139158377797299206789907490,
            0.22404374302607882758541771650e1, 0.63157877876946881815570249290,
            -0.88990336451333310820698117400e-1, 0.18148505520854727256656404962e2,
            -0.91946323924783554000451984436e1, -0.44360363875948939664310572000e1},
        {0.10427508642579134603413151009e2, 0.24228349177525818288430175319e3,
            0.16520045171727028198505394887e3, -0.37454675472269020279518312152e3,
            -0.22113666853125306036270938578e2, 0.77334326684722638389603898808e1,
            -0.30674084731089398182061213626e2, -0.93321305264302278729567221706e1,
            0.15697238121770843886131091075e2, -0.31139403219565177677282850411e2,
            -0.93529243588444783865713862664e1, 0.35816841486394083752465898540e2},
        {0.19985053242002433820987653617e2, -0.38703730874935176555105901742e3,
            -0.18917813819516756882830838328e3, 0.52780815920542364900561016686e3,
            -0.11573902539959630126141871134e2, 0.68812326946963000169666922661e1,
            -0.10006050966910838403183860980e1, 0.77771377980534432092869265740,
            -0.27782057523535084065932004339e1, -0.60196695231264120758267380846e2,
            0.84320405506677161018159903784e2, 0.11992291136182789328035130030e2},
        {-0.25693933462703749003312586129e2, -0.15418974869023643374053993627e3,
            -0.23152937917604549567536039109e3, 0.35763911791061412378285349910e3,
            0.93405324183624310003907691704e2, -0.37458323136451633156875139351e2,
            0.10409964950896230045147246184e3, 0.29840293426660503123344363579e2,
            -0.43533456590011143754432175058e2, 0.96324553959188282948394950600e2,
            -0.39177261675615439165231486172e2, -0.14972683625798562581422125276e3}};
    for (int m = 0; m < 4; m++) {
      for (int j = 0; j < idx.length; j++) {
        d[m][idx[j]] = v[m][j];
      }
    }
    return d;
  }
}
