package org.nde4j.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nde4j.tensor.Tensor;

/**
 * The keys for fitting: parameter constraints ({@code bounds}, {@code positive}) and the {@code
 * networks} section. Errors point FILE:LINE:COL at the offending key or value.
 */
class FittingKeysTest {
  private static final String STATES = "states: {x: 1.0, y: 0.5}\n";
  private static final String TSPAN = "tspan: [0, 1]\n";
  private static final String EQ = "equations:\n  x: a*x\n  y: 0\n";

  private static void fails(String text, int line, int col, String... parts) {
    assertThatThrownBy(() -> ModelFile.parse(text, "m.yaml"))
        .isInstanceOfSatisfying(ModelFileException.class, e -> {
          assertThat(e.getMessage()).startsWith("m.yaml:" + line + ":" + col + ": ");
          for (String p : parts) {
            assertThat(e.reason()).contains(p);
          }
        });
  }

  @Test
  void constraintsBecomeBounds() {
    ModelDefinition m = ModelFile.parse(STATES + "params:\n"
        + "  a: {value: 1.0, fit: true, bounds: [0.5, 2]}\n"
        + "  b: {value: 3.0, fit: true, positive: true}\n"
        + "  c: 4.0\n" + EQ + TSPAN, "m.yaml");
    List<Parameter> p = m.params();
    assertThat(p.get(0)).isEqualTo(new Parameter("a", 1.0, true, 0.5, 2));
    assertThat(p.get(1)).isEqualTo(new Parameter("b", 3.0, true, 0, Double.POSITIVE_INFINITY));
    assertThat(p.get(2).fit()).isFalse();
  }

  @Test
  void conflictingOrViolatedConstraintsPointAtTheParameter() {
    fails(STATES + "params:\n  a: {value: 1.0, fit: true, bounds: [0, 2], positive: true}\n" + EQ
        + TSPAN, 3, 30, "'bounds' and 'positive' both set bounds");
    fails(STATES + "params:\n  a: {value: 3.0, fit: true, bounds: [0, 2]}\n" + EQ + TSPAN, 3, 6,
        "parameter 'a': value 3.0 is outside its bounds [0.0, 2.0]");
    fails(STATES + "params:\n  a: {value: 0.0, fit: true, positive: true}\n" + EQ + TSPAN, 3, 14,
        "parameter 'a' is positive but its value is 0.0");
  }

  @Test
  void networksAreDeclaredAndCalled() {
    ModelDefinition m = ModelFile.parse(STATES
        + "networks:\n  nn1: {inputs: [x, y], hidden: [8, 8], activation: tanh}\n"
        + "equations:\n  x: nn1(x, y) - x\n  y: 0\n" + TSPAN, "m.yaml");
    assertThat(m.networks()).hasSize(1);
    NetworkDefinition n = m.networks().get(0);
    assertThat(n.inputs()).containsExactly("x", "y");
    assertThat(n.hidden()).containsExactly(8, 8);
    assertThat(n.outputs()).isEqualTo(1);
    assertThatThrownBy(m::vectorField).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nn1");
    // A stand-in network x·y: dx/dt = x·y − x = 0.5 − 1 at (1, 0.5).
    Tensor dy = m.vectorField(Map.of("nn1", in -> new Tensor[] {in[0].mul(in[1])}))
        .apply(Tensor.scalar(0), Tensor.vector(1.0, 0.5), Tensor.zeros(0))[0];
    assertThat(dy.toArray()).containsExactly(-0.5, 0.0);
  }

  @Test
  void badNetworksPointAtTheKey() {
    fails(STATES + "networks:\n  nn1: {inputs: [x, y], hidden: [8], activation: tanh, outputs: 2}\n"
        + "equations:\n  x: nn1(x, y)\n  y: 0\n" + TSPAN, 3, 65, "network 'nn1' has 2 outputs",
        "declare one network per output");
    fails(STATES + "networks:\n  nn1: {inputs: [x, y], hidden: [8]}\n"
        + "equations:\n  x: nn1(x)\n  y: 0\n" + TSPAN, 5, 6,
        "function 'nn1' takes 2 arguments but was given 1");
    fails(STATES + "networks:\n  nn1: {hidden: [8]}\nequations: {x: 0, y: 0}\n" + TSPAN, 3, 8,
        "missing 'inputs'");
    fails(STATES + "networks:\n  nn1: {inputs: [x, y], hidden: [8], activation: swish}\n"
        + "equations: {x: 0, y: 0}\n" + TSPAN, 3, 50, "unknown activation 'swish'", "tanh");
    fails(STATES + "networks:\n  nn1: {inputs: [x, y], widths: [8]}\n"
        + "equations: {x: 0, y: 0}\n" + TSPAN, 3, 25, "'widths'", "inputs hidden activation outputs");
  }
}
