package org.nde4j.learn.data;

import java.util.List;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.OdeTerm;

/**
 * torchdiffeq's {@code ode_demo} data set: the cubic spiral {@code dy/dt = (y³) A} with {@code A =
 * [[-0.1, 2.0], [-2.0, -0.1]]} (a row vector times {@code A}), {@code y(0) = (2, 0)}, saved at
 * {@code t = linspace(0, 25, 1000)}, solved by dopri5 with rtol 1e-7 and atol 1e-9 (Chen et al.,
 * NeurIPS 2018; github.com/rtqichen/torchdiffeq, {@code examples/ode_demo.py}).
 */
public final class SpiralData {
  /** Number of points of ode_demo's data. */
  public static final int POINTS = 1000;
  /** The last time. */
  public static final double T1 = 25.0;
  /** The initial state. */
  public static final double[] Y0 = {2.0, 0.0};
  /** The channels' names. */
  public static final List<String> CHANNELS = List.of("x", "y");

  private static final double[][] A = {{-0.1, 2.0}, {-2.0, -0.1}};

  private SpiralData() {}

  /** The true vector field {@code (y³) A} at {@code (x, y)}. */
  public static double[] rate(double x, double y) {
    double a = x * x * x;
    double b = y * y * y;
    return new double[] {a * A[0][0] + b * A[1][0], a * A[0][1] + b * A[1][1]};
  }

  /** The {@link #POINTS} times {@code linspace(0, 25, 1000)}. */
  public static double[] times() {
    double[] t = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      t[i] = T1 * i / (POINTS - 1);
    }
    return t;
  }

  /**
   * The true states at the {@link #times()}: rows {@code [POINTS][2]}, a fresh solve (and fresh
   * arrays) per call.
   */
  public static double[][] states() {
    OdeTerm truth = OdeTerm.of(2, (time, y, dy) -> {
      double[] f = rate(y[0], y[1]);
      dy[0] = f[0];
      dy[1] = f[1];
    });
    Solution s = Solve.of(truth, new Dopri5(), 0, T1, Y0.clone())
        .controller(PidController.of(1e-7, 1e-9)).saveAt(SaveAt.ts(times())).run();
    double[][] y = new double[POINTS][];
    for (int i = 0; i < POINTS; i++) {
      y[i] = s.y(i);
    }
    return y;
  }

  /** The data as a single-series panel with channels {@code x, y}, every value observed. */
  public static Panel panel() {
    double[][] y = states();
    double[] values = new double[2 * POINTS];
    for (int i = 0; i < POINTS; i++) {
      System.arraycopy(y[i], 0, values, 2 * i, 2);
    }
    return new Panel("ode_demo spiral", CHANNELS, List.of(new Series("spiral", times(), values,
        2)));
  }
}
