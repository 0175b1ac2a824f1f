package org.nde4j.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nde4j.expr.ExprParser;

/** What a valid file turns into, and the derived variants. */
class ModelFileTest {
  static final String ROBERTSON = String.join("\n",
      "name: robertson",
      "states: {y1: 1.0, y2: 0.0, y3: 0.0}      # ordered; initial values",
      "params: {k1: 0.04, k2: 3.0e7, k3: 1.0e4}",
      "equations:",
      "  y1: -k1*y1 + k3*y2*y3",
      "  y2: k1*y1 - k3*y2*y3 - k2*y2^2",
      "  y3: k2*y2^2",
      "tspan: [0, 1.0e5]",
      "");

  @Test
  void readsStatesParamsEquationsAndTimeSpanInFileOrder() {
    ModelDefinition m = ModelFile.parse(ROBERTSON, "robertson.yaml");
    assertThat(m.name()).isEqualTo("robertson");
    assertThat(m.stateNames()).containsExactly("y1", "y2", "y3");
    assertThat(m.initialState()).containsExactly(1.0, 0.0, 0.0);
    assertThat(m.paramNames()).containsExactly("k1", "k2", "k3");
    assertThat(m.paramValues()).containsExactly(0.04, 3.0e7, 1.0e4);
    assertThat(m.equations()).containsExactly(ExprParser.parse("-k1*y1 + k3*y2*y3"),
        ExprParser.parse("k1*y1 - k3*y2*y3 - k2*y2^2"), ExprParser.parse("k2*y2^2"));
    assertThat(m.t0()).isEqualTo(0.0);
    assertThat(m.t1()).isEqualTo(1.0e5);
    assertThat(m.solver()).isEmpty();
    assertThat(m.events()).isEmpty();
    assertThat(m.params().get(0)).isEqualTo(Parameter.of("k1", 0.04));
  }

  @Test
  void stateOrderIsFileOrderNotAlphabetical() {
    ModelDefinition m = ModelFile.parse("states: {z: 3, a: 1, m: 2}\n"
        + "equations: {a: z, m: a, z: m}\ntspan: [0, 1]\n", "order.yaml");
    assertThat(m.stateNames()).containsExactly("z", "a", "m");
    assertThat(m.initialState()).containsExactly(3.0, 1.0, 2.0);
    assertThat(m.equations().get(0)).hasToString("m");
    assertThat(m.name()).isEqualTo("order");
    assertThat(m.numParams()).isZero();
  }

  @Test
  void parameterMappingFormKeepsFitAndBounds() {
    ModelDefinition m = ModelFile.parse("states: {x: 1}\n"
        + "params: {k: {value: 2.5, fit: true, lower: 0, upper: 10}, c: {value: 1}}\n"
        + "equations: {x: -k*x + c}\ntspan: [0, 1]\n", "fit.yaml");
    assertThat(m.params()).containsExactly(new Parameter("k", 2.5, true, 0, 10),
        Parameter.of("c", 1));
  }

  @Test
  void solverSettingsAndEvents() {
    ModelDefinition m = ModelFile.parse(String.join("\n",
        "states: {x: 1.0, v: 0.0}",
        "equations: {x: v, v: -9.81}",
        "tspan: [0, 10]",
        "solver: {name: tsit5, rtol: 1e-6, atol: 1e-9}",
        "events:",
        "  - name: ground",
        "    condition: x",
        "    direction: falling",
        "    terminate: false",
        "    reset: {v: -0.9*v}",
        "  - condition: t - 5",
        "    terminate: true",
        ""), "ball.yaml");
    SolverSettings s = m.solver().orElseThrow();
    assertThat(s.name()).contains("tsit5");
    assertThat(s.rtol().getAsDouble()).isEqualTo(1e-6);
    assertThat(s.atol().getAsDouble()).isEqualTo(1e-9);
    EventDefinition ground = m.events().get(0);
    assertThat(ground.name()).isEqualTo("ground");
    assertThat(ground.direction()).isEqualTo(EventDefinition.Direction.FALLING);
    assertThat(ground.terminate()).isFalse();
    assertThat(ground.reset()).containsOnlyKeys("v");
    assertThat(ground.reset().get("v")).isEqualTo(ExprParser.parse("-0.9*v"));
    EventDefinition second = m.events().get(1);
    assertThat(second.name()).isEqualTo("event2");
    assertThat(second.direction()).isEqualTo(EventDefinition.Direction.BOTH);
    assertThat(second.terminate()).isTrue();
    assertThat(second.reset()).isEmpty();
  }

  @Test
  void jsonIsReadTheSameWay() {
    ModelDefinition m = ModelFile.parse("{\"name\": \"decay\", \"states\": {\"x\": 2.0},"
        + " \"params\": {\"k\": 0.5}, \"equations\": {\"x\": \"-k*x\"}, \"tspan\": [0, 3]}",
        "decay.json");
    assertThat(m.name()).isEqualTo("decay");
    assertThat(m.equations().get(0)).isEqualTo(ExprParser.parse("-k*x"));
  }

  @Test
  void numericEquationsAndQuotedExpressions() {
    ModelDefinition m = ModelFile.parse("states: {x: 0, y: 0}\n"
        + "equations: {x: 1, y: \"2*x\"}\ntspan: [1, 0]\n", "c.yaml");
    assertThat(m.equations().get(0)).hasToString("1");
    assertThat(m.equations().get(1)).hasToString("2 * x");
    assertThat(m.t1()).isEqualTo(0.0);
  }

  @Test
  void withParamsReplacesValuesAndRejectsUnknownNames() {
    ModelDefinition m = ModelFile.parse(ROBERTSON, "robertson.yaml");
    ModelDefinition n = m.withParams(Map.of("k2", 1.0, "k1", 0.5));
    assertThat(n.paramValues()).containsExactly(0.5, 1.0, 1.0e4);
    assertThat(m.paramValues()).containsExactly(0.04, 3.0e7, 1.0e4);
    assertThatThrownBy(() -> m.withParams(Map.of("k4", 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model 'robertson' has no parameter 'k4' (known: k1 k2 k3)");
    assertThatThrownBy(() -> m.withParams(Map.of("k1", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
  }

  @Test
  void withT1ChangesTheEndOnly() {
    ModelDefinition m = ModelFile.parse(ROBERTSON, "robertson.yaml").withT1(40.0);
    assertThat(m.t1()).isEqualTo(40.0);
    assertThat(m.t0()).isEqualTo(0.0);
    assertThatThrownBy(() -> m.withT1(0.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.withT1(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
