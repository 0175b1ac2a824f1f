package org.nde4j.solve.adjoint;

import java.util.Random;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * The model of workload W3 (torchdiffeq's {@code ode_demo}): data from {@code dy/dt = (y³)·A},
 * {@code A = [[-0.1, 2.0], [-2.0, -0.1]]}, {@code y0 = (2, 0)} on 1000 points of {@code [0, 25]};
 * model {@code dy/dt = MLP(y³)}, MLP 2→50→tanh→2 on a batch of states (rows), initialised as
 * {@code ode_demo} does (weights N(0, 0.1²), biases 0).
 */
final class OdeDemoModel {
  static final int HIDDEN = 50;
  static final int PARAMS = 2 * HIDDEN * 2 + HIDDEN + 2;
  static final int POINTS = 1000;

  private OdeDemoModel() {}

  /** The true trajectory at {@code linspace(0, 25, 1000)}, dopri5 at rtol = atol = 1e-10. */
  static double[][] data() {
    double[][] a = {{-0.1, 2.0}, {-2.0, -0.1}};
    OdeTerm truth = OdeTerm.of(2, (t, y, dy) -> {
      double c0 = y[0] * y[0] * y[0];
      double c1 = y[1] * y[1] * y[1];
      dy[0] = c0 * a[0][0] + c1 * a[1][0];
      dy[1] = c0 * a[0][1] + c1 * a[1][1];
    });
    Solution s = Solve.of(truth, new Dopri5(), 0, 25, new double[] {2, 0})
        .controller(PidController.of(1e-10, 1e-10)).saveAt(SaveAt.ts(grid())).run();
    return s.ys();
  }

  static double[] grid() {
    double[] t = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      t[i] = 25.0 * i / (POINTS - 1);
    }
    return t;
  }

  /** The model on a batch of {@code batch} states; θ = (W1 [50×2], b1 [50], W2 [2×50], b2 [2]). */
  static DifferentiableTerm model(int batch) {
    return DifferentiableTerm.of(in -> {
      Tensor th = in[2];
      int o = 0;
      Tensor w1 = th.slice(0, o, o += HIDDEN * 2).reshape(HIDDEN, 2);
      Tensor b1 = th.slice(0, o, o += HIDDEN);
      Tensor w2 = th.slice(0, o, o += 2 * HIDDEN).reshape(2, HIDDEN);
      Tensor b2 = th.slice(0, o, o + 2);
      Tensor y3 = in[1].mul(in[1]).mul(in[1]);
      Tensor hid = y3.matmul(w1, false, true).add(b1).tanh();
      return new Tensor[] {hid.matmul(w2, false, true).add(b2)};
    }, Shape.of(batch, 2), PARAMS);
  }

  /** Weights N(0, 0.1²), biases 0, seeded. */
  static double[] initialTheta(long seed) {
    Random r = new Random(seed);
    double[] th = new double[PARAMS];
    int o = 0;
    for (int i = 0; i < HIDDEN * 2; i++) {
      th[o++] = 0.1 * r.nextGaussian();
    }
    o += HIDDEN;
    for (int i = 0; i < 2 * HIDDEN; i++) {
      th[o++] = 0.1 * r.nextGaussian();
    }
    return th;
  }
}
