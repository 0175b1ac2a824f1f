package org.nde4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.ModelFile;
import org.nde4j.modelfile.ModelProblem;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;

/** Data, model files and helpers shared by the fit and predict command tests. */
final class FitFixtures {
  /** Lotka–Volterra at α = 1.5, β = 1, γ = 3, δ = 1 (as nde4j-learn's ParameterRecoveryTest). */
  static final double[] TRUTH = {1.5, 1.0, 3.0, 1.0};
  static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};
  static final double[] START = {1.2, 0.8, 2.4, 1.25};

  private FitFixtures() {}

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The Lotka–Volterra model file with every rate unknown, started at {@code values}. */
  static String lotkaVolterra(double[] values, boolean fit) {
    StringBuilder b = new StringBuilder("name: lv\nstates: {x: 1.0, y: 1.0}\nparams:\n");
    for (int i = 0; i < 4; i++) {
      b.append("  ").append(NAMES[i]).append(": {value: ").append(values[i])
          .append(fit ? ", fit: true, positive: true}\n" : "}\n");
    }
    return b.append("equations: {x: alpha*x - beta*x*y, y: delta*x*y - gamma*y}\n")
        .append("tspan: [0, 6]\n").toString();
  }

  /** States {@code [time][x, y]} of a model file solved by Tsit5 at the given tolerances. */
  static double[][] solve(ModelDefinition def, double[] times, double rtol, double atol) {
    Solution sol = ModelProblem.solve(def, new Tsit5()).controller(PidController.of(rtol, atol))
        .saveAt(SaveAt.ts(times)).run();
    double[][] y = new double[times.length][];
    for (int i = 0; i < times.length; i++) {
      y[i] = sol.y(i);
    }
    return y;
  }

  /** Noise-free Lotka–Volterra data at the true rates, {@code time,x,y}, 31 points on [0, 6]. */
  static Path lotkaVolterraCsv(Path dir) throws IOException {
    double[] ts = new double[31];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = 0.2 * i;
    }
    double[][] y = solve(ModelFile.parse(lotkaVolterra(TRUTH, false), "truth.yaml"), ts, 1e-10,
        1e-12);
    StringBuilder b = new StringBuilder("time,x,y\n");
    for (int i = 0; i < ts.length; i++) {
      b.append(ts[i]).append(',').append(y[i][0]).append(',').append(y[i][1]).append('\n');
    }
    return Files.writeString(dir.resolve("lv.csv"), b);
  }

  /**
   * A decaying rotation {@code x = e^{−t/10} cos t, y = e^{−t/10} sin t}, wide format, 41 points
   * on [0, 8].
   */
  static Path spiralCsv(Path dir) throws IOException {
    StringBuilder b = new StringBuilder("time,x,y\n");
    for (int i = 0; i <= 40; i++) {
      double t = 0.2 * i;
      b.append(t).append(',').append(Math.exp(-t / 10) * Math.cos(t)).append(',')
          .append(Math.exp(-t / 10) * Math.sin(t)).append('\n');
    }
    return Files.writeString(dir.resolve("spiral.csv"), b);
  }

  /** Every regular file under {@code dir} with its bytes, by relative path. */
  static Map<String, byte[]> snapshot(Path dir) {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
