package example;

import org.nde4j.learn.data.SpiralData;
import org.nde4j.learn.data.WindowSampler;
import org.nde4j.learn.models.NeuralOde;
import org.nde4j.learn.optim.Adam;
import org.nde4j.random.Key;

/** Fits a neural ODE dy/dt = MLP(y³) to torchdiffeq's spiral (ode_demo) and prints the loss. */
public final class FitSpiral {
  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    NeuralOde ode = NeuralOde.builder(2).hidden(50).inputTransform(y -> y.pow(3)).build();
    double[] theta = ode.init(Key.of(0)).values();
    double[] grad = new double[theta.length];
    Adam adam = Adam.builder().learningRate(0.01).build(theta.length);
    WindowSampler batches = new WindowSampler(SpiralData.panel(), 10, 20);
    for (int it = 1; it <= iterations; it++) {
      double loss = ode.loss(theta, batches.sample(Key.of(1).foldIn(it)), grad);
      adam.step(theta, grad);
      if (it == 1 || it % 10 == 0) {
        System.out.printf("iteration %d loss %.5f%n", it, loss);
      }
    }
  }
}
