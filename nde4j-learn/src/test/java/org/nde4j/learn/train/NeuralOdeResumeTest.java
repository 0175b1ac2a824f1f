package org.nde4j.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.learn.io.RunDirectory;
import org.nde4j.learn.nn.Mlp;
import org.nde4j.learn.optim.Adam;
import org.nde4j.learn.optim.Optimizer;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.adjoint.GradientSolve;
import org.nde4j.solve.adjoint.Recording;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;

/**
 * Resume with a neural ODE: an MLP vector field fitted by Adam to windows of the damped rotation
 * {@code y(t) = e^{−0.1 t} (2 cos 2t, −2 sin 2t)}, each loss and gradient a {@link GradientSolve}
 * with the discrete adjoint. Killed after iteration 13 (last checkpoint: 10) and resumed, the run
 * ends bit-identical to an uninterrupted one.
 */
class NeuralOdeResumeTest {
  private static final int POINTS = 20;
  private static final int WINDOW = 5;
  private static final double DT = 0.1;

  @TempDir Path tmp;

  private final Mlp net = Mlp.builder(2, 8, 2).build();
  private final DifferentiableTerm term = net.term(Shape.of(2));
  private final double[][] data = new double[POINTS][2];

  NeuralOdeResumeTest() {
    for (int k = 0; k < POINTS; k++) {
      double t = k * DT;
      data[k][0] = 2 * Math.exp(-0.1 * t) * Math.cos(2 * t);
      data[k][1] = -2 * Math.exp(-0.1 * t) * Math.sin(2 * t);
    }
  }

  /** Mean squared error over a window starting at {@code start}, and its gradient in θ. */
  private double loss(double[] theta, Integer start, double[] grad) {
    double[] ts = new double[WINDOW];
    for (int i = 0; i < WINDOW; i++) {
      ts[i] = i * DT;
    }
    Recording r = GradientSolve.of(term, new Tsit5(), 0, ts[WINDOW - 1], data[start], theta)
        .saveAt(ts).controller(PidController.of(1e-6, 1e-8)).adjoint(Adjoint.discrete())
        .forward();
    double[][] ys = r.ys();
    double[][] ybar = new double[WINDOW][2];
    double sum = 0;
    for (int i = 0; i < WINDOW; i++) {
      for (int c = 0; c < 2; c++) {
        double e = ys[i][c] - data[start + i][c];
        sum += e * e;
        ybar[i][c] = 2 * e / (WINDOW * 2);
      }
    }
    System.arraycopy(r.backward(ybar).theta(), 0, grad, 0, grad.length);
    return sum / (WINDOW * 2);
  }

  private Trainer<Integer> trainer(int killAt) {
    AtomicInteger calls = new AtomicInteger();
    Optimizer adam = Adam.builder().learningRate(0.01).build(net.numParams());
    return Trainer.<Integer>builder(
        key -> (int) Math.floor(key.uniformAt(0) * (POINTS - WINDOW + 1)),
        (theta, start, grad) -> {
          if (calls.incrementAndGet() == killAt) {
            throw new IllegalStateException("killed");
          }
          return loss(theta, start, grad);
        }, adam)
        .key(Key.of(3)).iterations(20).checkpointEvery(5).clipNorm(1.0)
        .config(Map.of("model", "neural-ode", "hidden", 8)).build();
  }

  @Test
  void killedAndResumedEndsBitIdentical() throws IOException {
    double[] straight = net.init(Key.of(1)).values();
    double first = loss(straight, 0, new double[straight.length]);
    TrainResult done = trainer(0).run(straight);
    assertThat(done.iterations()).isEqualTo(20);
    assertThat(loss(straight, 0, new double[straight.length])).isLessThan(first);

    RunDirectory run = RunDirectory.create(tmp.resolve("run"), false);
    run.writeConfig(Map.of());
    double[] theta = net.init(Key.of(1)).values();
    assertThatThrownBy(() -> trainer(14).run(run, theta)).hasMessage("killed");
    double[] resumed = new double[theta.length];
    trainer(0).resume(RunDirectory.open(run.path()), resumed);
    assertThat(resumed).isEqualTo(straight);
  }
}
