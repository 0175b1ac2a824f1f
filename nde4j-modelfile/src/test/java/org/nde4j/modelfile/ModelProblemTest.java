package org.nde4j.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.testkit.problems.BouncingBall;

class ModelProblemTest {
  private static ModelDefinition example(String name) throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (!dir.resolve("examples").toFile().isDirectory()) {
      dir = dir.getParent();
    }
    return ModelFile.load(dir.resolve("examples").resolve(name));
  }

  /** The bundled bouncing ball bounces at the analytic times (restitution 0.9, from 10 m). */
  @Test
  void bouncingBallModelFileMatchesTheClosedForm() throws Exception {
    ModelDefinition def = example("bouncing_ball.yaml");
    Solution s = ModelProblem.solve(def, new Tsit5()).controller(PidController.of(1e-10, 1e-10))
        .run();
    assertThat(s.status()).isEqualTo(Status.SUCCESS);
    double[] expected = new BouncingBall(9.81, 0.9, 10, 0).bounceTimes(s.events().size());
    assertThat(s.events().size()).isGreaterThanOrEqualTo(3);
    for (int k = 0; k < expected.length; k++) {
      assertThat(s.events().get(k).t()).isCloseTo(expected[k], within(1e-9));
    }
  }

  @Test
  void lorenzModelFileMatchesTheStoredReference() throws Exception {
    ModelDefinition def = example("lorenz.yaml").withT1(1.0);
    Solution s = ModelProblem.solve(def, new Tsit5()).controller(PidController.of(1e-12, 1e-12))
        .run();
    double[] ref = org.nde4j.testkit.problems.Lorenz.until(1.0).reference();
    for (int i = 0; i < 3; i++) {
      assertThat(s.yEnd()[i]).isCloseTo(ref[i], within(1e-8));
    }
  }
}
