package org.nde4j.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nde4j.testkit.AllocationProbe;

/**
 * Optimiser state round trips: a run interrupted after {@code k} steps, its state exported and
 * loaded into a fresh optimiser, ends bit-identical to an uninterrupted run.
 */
class CheckpointTest {
  private static final int N = 9;

  private static double[] start() {
    double[] t = new double[N];
    for (int i = 0; i < N; i++) {
      t[i] = Math.cos(0.9 * i) - 0.2;
    }
    return t;
  }

  private static void grad(double[] t, double[] g) {
    for (int i = 0; i < N; i++) {
      g[i] = t[i] * t[i] * t[i] - Math.sin(t[(i + 2) % N]);
    }
  }

  private static double[] train(Optimizer opt, double[] theta, int steps) {
    double[] g = new double[N];
    for (int k = 0; k < steps; k++) {
      grad(theta, g);
      opt.step(theta, g);
    }
    return theta;
  }

  private static void assertResumesBitIdentically(Supplier<Optimizer> make) {
    double[] straight = train(make.get(), start(), 20);

    Optimizer first = make.get();
    double[] theta = train(first, start(), 7);
    Map<String, double[]> saved = first.state();
    // The snapshot is a copy: further steps of the first optimiser do not change it.
    train(first, theta.clone(), 3);
    Optimizer resumed = make.get();
    resumed.loadState(saved);
    assertThat(resumed.steps()).isEqualTo(7);
    assertThat(resumed.learningRate()).isEqualTo(first.schedule().at(7));
    train(resumed, theta, 13);
    assertThat(theta).isEqualTo(straight);
  }

  private static final Schedule SCHEDULE = Schedule.cosine(0.05, 3, 20, 0.001);

  @Test
  void everyOptimiserResumesBitIdentically() {
    assertResumesBitIdentically(() -> Sgd.builder().schedule(SCHEDULE).momentum(0.9)
        .nesterov(true).weightDecay(1e-3).build(N));
    assertResumesBitIdentically(() -> Sgd.builder().schedule(SCHEDULE).build(N));
    assertResumesBitIdentically(() -> Adam.builder().schedule(SCHEDULE).amsgrad(true).build(N));
    assertResumesBitIdentically(() -> Adam.adamW().schedule(SCHEDULE).build(N));
    assertResumesBitIdentically(() -> RmsProp.builder().schedule(SCHEDULE).centered(true)
        .momentum(0.5).build(N));
  }

  @Test
  void stateUsesPyTorchNames() {
    assertThat(Adam.builder().amsgrad(true).build(N).state().keySet())
        .containsExactly("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq");
    assertThat(RmsProp.builder().centered(true).momentum(0.1).build(N).state().keySet())
        .containsExactly("step", "square_avg", "momentum_buffer", "grad_avg");
    assertThat(Sgd.builder().momentum(0.1).build(N).state().keySet())
        .containsExactly("step", "momentum_buffer");
  }

  @Test
  void lbfgsResumesBitIdentically() {
    ConvergenceTest.Quadratic f = new ConvergenceTest.Quadratic(N, 1e3);
    Supplier<Lbfgs> make = () -> Lbfgs.builder().history(4).gradientTolerance(0)
        .lossChangeTolerance(0).build(N);
    double[] straight = new double[N];
    Lbfgs.Result all = make.get().minimize(f, straight, 25);
    assertThat(all.iterations()).isEqualTo(25);

    Lbfgs first = make.get();
    double[] theta = new double[N];
    first.minimize(f, theta, 10);
    Lbfgs resumed = make.get();
    resumed.loadState(first.state());
    assertThat(resumed.iterations()).isEqualTo(10);
    resumed.minimize(f, theta, 15);
    assertThat(theta).isEqualTo(straight);
  }

  @Test
  void badStateNamesTheEntry() {
    Adam adam = Adam.builder().build(N);
    Map<String, double[]> s = new LinkedHashMap<>(adam.state());
    s.put("exp_avg", new double[N - 1]);
    assertThatThrownBy(() -> adam.loadState(s))
        .hasMessageContaining("entry 'exp_avg' has 8 values, expected 9");
    s.remove("exp_avg");
    assertThatThrownBy(() -> adam.loadState(s)).hasMessageContaining("missing entry 'exp_avg'");
    Map<String, double[]> t = new LinkedHashMap<>(adam.state());
    t.put("momentum_buffer", new double[N]);
    assertThatThrownBy(() -> adam.loadState(t))
        .hasMessageContaining("unexpected entry 'momentum_buffer'");
    Map<String, double[]> u = new LinkedHashMap<>(adam.state());
    u.put("step", new double[] {2.5});
    assertThatThrownBy(() -> adam.loadState(u))
        .hasMessageContaining("entry 'step' must be a non-negative integer, got 2.5");
    assertThatThrownBy(() -> adam.step(new double[N], new double[N + 1]))
        .hasMessageContaining("grad has 10 values but the optimiser was created for 9");
    Lbfgs lbfgs = Lbfgs.builder().history(3).build(N);
    Map<String, double[]> l = new LinkedHashMap<>(lbfgs.state());
    l.put("history_head", new double[] {3});
    assertThatThrownBy(() -> lbfgs.loadState(l)).hasMessageContaining("history_head 3");
  }

  @Test
  void badOptionsNameTheOption() {
    assertThatThrownBy(() -> Sgd.builder().nesterov(true).build(N))
        .hasMessageContaining("nesterov needs momentum > 0");
    assertThatThrownBy(() -> Adam.builder().betas(0.9, 1.0)).hasMessageContaining("beta2");
    assertThatThrownBy(() -> RmsProp.builder().eps(0)).hasMessageContaining("eps");
    assertThatThrownBy(() -> Sgd.builder().learningRate(-1)).hasMessageContaining("lr");
    assertThatThrownBy(() -> Lbfgs.builder().wolfe(0.9, 0.1)).hasMessageContaining("c1=0.9");
  }

  @Test
  void stepsAllocateNothing() {
    if (!AllocationProbe.supported()) {
      return;
    }
    double[] theta = start();
    double[] g = new double[N];
    grad(theta, g);
    Optimizer[] all = {
      Sgd.builder().schedule(SCHEDULE).momentum(0.9).nesterov(true).build(N),
      Adam.builder().schedule(SCHEDULE).amsgrad(true).build(N),
      Adam.adamW().build(N),
      RmsProp.builder().centered(true).momentum(0.3).build(N)};
    for (Optimizer opt : all) {
      double bytes = AllocationProbe.bytesPerCallAfterWarmup(() -> opt.step(theta, g), 1000, 10);
      assertThat(bytes).as(opt.getClass().getSimpleName()).isZero();
    }
    double[] clip = g.clone();
    assertThat(AllocationProbe.bytesPerCallAfterWarmup(
        () -> GradientClipping.byGlobalNorm(clip, 0.5), 1000, 10)).isZero();
  }
}
