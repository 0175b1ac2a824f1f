package org.nde4j.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nde4j.compile.Function;
import org.nde4j.tensor.Tensor;

/** Every file in the top-level examples/ directory loads, and its vector field runs. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)")).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void everyExampleLoadsAndItsVectorFieldIsFiniteAtTheStart() throws IOException {
    List<Path> files = files();
    assertThat(files.stream().map(p -> p.getFileName().toString())).contains("lorenz.yaml",
        "arenstorf.yaml", "vanderpol.yaml", "robertson.yaml", "bouncing_ball.yaml");
    assertThat(files.stream().filter(p -> p.toString().endsWith(".json"))).isNotEmpty();
    for (Path file : files) {
      ModelDefinition m = ModelFile.load(file);
      Tensor t = Tensor.scalar(m.t0());
      Tensor y = Tensor.vector(m.initialState());
      Tensor p = Tensor.vector(m.paramValues());
      Tensor eager = m.vectorField().apply(t, y, p)[0];
      Tensor compiled = Function.of(m.vectorField()).call(t, y, p)[0];
      for (double v : eager.toArray()) {
        assertThat(v).as(file.toString()).isFinite();
      }
      assertThat(compiled.toArray()).as(file.toString())
          .containsExactly(eager.toArray(), within(1e-12));
      for (int i = 0; i < m.events().size(); i++) {
        assertThat(m.eventCondition(i).apply(t, y, p)[0].item()).isFinite();
      }
    }
  }

  @Test
  void examplesHoldTheReferenceConstants() throws IOException {
    ModelDefinition arenstorf = ModelFile.load(EXAMPLES.resolve("arenstorf.yaml"));
    assertThat(arenstorf.initialState()).containsExactly(0.994, 0, 0,
        -2.00158510637908252240537862224);
    assertThat(arenstorf.t1()).isEqualTo(17.0652165601579625588917206249);
    assertThat(arenstorf.paramValues()).containsExactly(0.012277471);
    ModelDefinition vdp = ModelFile.load(EXAMPLES.resolve("vanderpol.yaml"));
    assertThat(vdp.paramValues()).containsExactly(1000.0);
    assertThat(vdp.t1()).isEqualTo(3000.0);
    ModelDefinition ball = ModelFile.load(EXAMPLES.resolve("bouncing_ball.yaml"));
    EventDefinition ground = ball.events().get(0);
    assertThat(ground.direction()).isEqualTo(EventDefinition.Direction.FALLING);
    assertThat(ground.reset().get("v")).hasToString("-0.9 * v");
    assertThat(ball.t1()).isEqualTo(10.0);
    assertThat(ModelFile.load(EXAMPLES.resolve("robertson.yaml")).t1()).isEqualTo(1e5);
  }
}
