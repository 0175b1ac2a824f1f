package org.nde4j.learn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nde4j.learn.nn.Activation;
import org.nde4j.learn.nn.Mlp;
import org.nde4j.learn.nn.ParameterSet;
import org.nde4j.random.Key;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/** The examples of docs/training.md, run: an MLP fitted to sin on [−3, 3]. */
class TrainingExampleTest {
  private final Mlp net = Mlp.builder(1, 32, 1).activation(Activation.TANH).build();
  private final Tensor x = Tensor.linspace(-3, 3, 64).reshape(64, 1);
  private final Tensor target = x.sin();

  @Test
  void adamWithEagerGradients() {
    ParameterSet params = net.init(Key.of(0));
    Adam adam = Adam.builder().schedule(Schedule.cosine(1e-2, 100, 2000, 1e-4))
        .build(params.size());
    double first = Double.NaN;
    double loss = Double.NaN;
    for (int k = 0; k < 2000; k++) {
      Tensor theta = params.tensor().requiresGrad(true);
      Tensor l = net.apply(theta, x).sub(target).square().mean();
      l.backward();
      double[] grad = theta.grad().toArray();
      GradientClipping.byGlobalNorm(grad, 1.0);
      adam.step(params.values(), grad);
      loss = l.item();
      first = k == 0 ? loss : first;
    }
    // sin has mean square 0.5·(1 − sin 6 / 6) ≈ 0.523 on [−3, 3]; the fit explains nearly all.
    assertThat(first).isGreaterThan(0.3);
    assertThat(loss).isLessThan(5e-5);
  }

  @Test
  void lbfgsWithACompiledLoss() {
    ParameterSet params = net.init(Key.of(0));
    TensorFn mse = in -> new Tensor[] {net.apply(in[0], x).sub(target).square().mean()};
    LossFunction f = LossFunction.compile(mse, params.size());
    // The compiled gradient is the eager one.
    double[] g = new double[params.size()];
    double value = f.evaluate(params.values(), g);
    Tensor theta = params.tensor().requiresGrad(true);
    Tensor eager = mse.apply(theta)[0];
    eager.backward();
    assertThat(value).isCloseTo(eager.item(), within(1e-14));
    assertThat(g).containsExactly(theta.grad().toArray(), within(1e-13));

    Lbfgs lbfgs = Lbfgs.builder().history(20).build(params.size());
    Lbfgs.Result r = lbfgs.minimize(f, params.values(), 500);
    assertThat(r.loss()).isLessThan(5e-6);
  }
}
