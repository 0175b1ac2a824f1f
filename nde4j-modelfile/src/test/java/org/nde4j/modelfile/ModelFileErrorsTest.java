package org.nde4j.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check a bad file meets: the message starts FILE:LINE:COL and says what was expected. */
class ModelFileErrorsTest {
  private static final String STATES = "states: {y1: 1.0, y2: 0.0}\n";
  private static final String PARAMS = "params: {k1: 0.5, k2: 2.0}\n";
  private static final String TSPAN = "tspan: [0, 1]\n";

  private static void fails(String text, String file, int line, int col, String... parts) {
    assertThatThrownBy(() -> ModelFile.parse(text, file))
        .isInstanceOfSatisfying(ModelFileException.class, e -> {
          assertThat(e.getMessage()).startsWith(file + ":" + line + ":" + col + ": ");
          for (String p : parts) {
            assertThat(e.reason()).contains(p);
          }
        });
  }

  private static void fails(String text, int line, int col, String... parts) {
    fails(text, "m.yaml", line, col, parts);
  }

  @Test
  void unknownSymbolInAnEquationPointsAtTheSymbol() {
    fails(STATES + PARAMS + "equations:\n  y1: -k1*y1\n  y2: k1*y1 - k4*y2\n" + TSPAN, 5, 15,
        "in equation for y2: unknown symbol 'k4' (known: y1 y2 k1 k2 t)");
  }

  @Test
  void unknownSolverNamePointsAtTheName() {
    fails(STATES + PARAMS + "equations: {y1: -k1*y1, y2: 0}\n" + TSPAN
        + "solver: {name: rk45, rtol: 1e-6}\n", 5, 16, "unknown solver 'rk45'", "tsit5");
  }

  @Test
  void unbalancedParenthesisPointsIntoTheExpression() {
    fails(STATES + PARAMS + "equations:\n  y1: -k1*(y1 + y2\n  y2: 0\n" + TSPAN, 4, 19,
        "in equation for y1: expected ')' to close '(' opened at column 11");
    fails(STATES + "equations:\n  y1: \"(y1\"\n  y2: y1)\n" + TSPAN, 3, 11,
        "expected ')' to close '(' opened at column 8");
    fails(STATES + "equations:\n  y1: y2\n  y2: y1)\n" + TSPAN, 4, 9, "unmatched ')'");
  }

  @Test
  void expressionErrorsInJsonPointPastTheQuote() {
    fails("{\"states\": {\"x\": 1},\n \"equations\": {\"x\": \"-k*x\"},\n \"tspan\": [0, 1]}",
        "m.json", 2, 23, "unknown symbol 'k'");
  }

  @Test
  void equationForAnUndeclaredStateOrMissingEquation() {
    fails(STATES + "equations:\n  y1: y2\n  y2: y1\n  y3: y1\n" + TSPAN, 5, 3,
        "equation for undeclared state 'y3' (states: y1 y2)");
    fails(STATES + "equations:\n  y1: y2\n" + TSPAN, 3, 3, "missing equation for state 'y2'");
  }

  @Test
  void nonNumericValueWhereANumberIsExpected() {
    fails("states: {y1: abc}\nequations: {y1: 0}\n" + TSPAN, 1, 14,
        "expected a number for the initial value of state 'y1' but found the string 'abc'");
    fails("states: {y1: \"1.0\"}\nequations: {y1: 0}\n" + TSPAN, 1, 14, "the string '1.0'");
    fails(STATES + "params: {k1: [1, 2]}\nequations: {y1: 0, y2: 0}\n" + TSPAN, 2, 14,
        "expected a number for the value of parameter 'k1' but found a list");
    fails(STATES + "params: {k1: {value: yes}}\nequations: {y1: 0, y2: 0}\n" + TSPAN, 2, 22,
        "but found the string 'yes'");
    fails(STATES + "equations: {y1: 0, y2: 0}\ntspan: [0, end]\n", 3, 12,
        "expected a number for t1 but found the string 'end'");
  }

  @Test
  void duplicateNames() {
    fails("states: {y1: 1.0, y1: 2.0}\n", 1, 19, "duplicate key 'y1'");
    fails(STATES + "equations:\n  y1: 0\n  y2: 0\n  y1: 1\n" + TSPAN, 5, 3, "duplicate key 'y1'");
    fails("{\"states\": {\"x\": 1, \"x\": 2}}", "m.json", 1, 21, "duplicate key 'x'");
    fails(STATES + "params: {k1: 1, y2: 3}\nequations: {y1: 0, y2: 0}\n" + TSPAN, 2, 17,
        "parameter 'y2' has the same name as the state declared at line 1");
    fails("states: {t: 1.0}\nequations: {t: 0}\n" + TSPAN, 1, 10,
        "state name 't' is reserved (the time variable)");
    fails(STATES + "params: {pi: 3}\nequations: {y1: 0, y2: 0}\n" + TSPAN, 2, 10,
        "parameter name 'pi' is reserved (the constant π)");
    fails("states: {exp: 1.0}\nequations: {exp: 0}\n" + TSPAN, 1, 10,
        "state name 'exp' is reserved (a function)");
    fails("states: {2x: 1.0}\nequations: {2x: 0}\n" + TSPAN, 1, 10,
        "state name '2x' is not a name");
  }

  @Test
  void emptyEquations() {
    fails(STATES + TSPAN, 1, 1, "missing 'equations': expected one equation per state (y1 y2)");
    fails(STATES + "equations:\n" + TSPAN, 2, 1, "empty 'equations' section");
    fails(STATES + "equations: {}\n" + TSPAN, 2, 12, "empty 'equations' section");
    fails(STATES + "equations:\n  y1: \"\"\n  y2: 0\n" + TSPAN, 3, 8,
        "in equation for y1: empty expression");
    fails(STATES + "equations:\n  y1:\n  y2: 0\n" + TSPAN, 3, 6,
        "equation for y1: empty expression");
  }

  @Test
  void nanOrInfiniteInitialValues() {
    fails("states: {y1: .nan}\nequations: {y1: 0}\n" + TSPAN, 1, 14,
        "the initial value of state 'y1' is NaN");
    fails("states: {y1: 1, y2: -.inf}\nequations: {y1: 0, y2: 0}\n" + TSPAN, 2 - 1, 21,
        "the initial value of state 'y2' is infinite");
    fails("{\"states\": {\"x\": 1e999}}", "m.json", 1, 18, "is infinite");
  }

  @Test
  void timeSpanMustBeTwoFiniteDistinctNumbers() {
    String base = STATES + "equations: {y1: 0, y2: 0}\n";
    fails(base + "tspan: [0, 1, 2]\n", 3, 8, "expected tspan to be two numbers [t0, t1]",
        "a list of 3 items");
    fails(base + "tspan: 5\n", 3, 8, "but found the number 5");
    fails(base + "tspan: [0, .inf]\n", 3, 12, "t1 is infinite");
    fails(base + "tspan: [2, 2.0]\n", 3, 12, "empty time span: t1 equals t0");
    fails(base, 1, 1, "missing 'tspan'");
  }

  @Test
  void unknownKeysAreRejected() {
    fails(STATES + "equations: {y1: 0, y2: 0}\n" + TSPAN + "solvr: {name: tsit5}\n", 4, 1,
        "unknown top-level key 'solvr' (expected one of: name description states params"
            + " networks equations noise sde_type tspan solver events)");
    fails(STATES + "params: {k1: {value: 1, fitt: true}}\nequations: {y1: 0, y2: 0}\n" + TSPAN,
        2, 25, "unknown key of parameter 'k1' 'fitt'");
    fails(STATES + "equations: {y1: 0, y2: 0}\n" + TSPAN + "solver: {rtol: -1}\n", 4, 16,
        "expected a positive number for 'rtol'");
    fails(STATES + "equations: {y1: 0, y2: 0}\n" + TSPAN
        + "events:\n  - {condition: y1, direction: up}\n", 5, 32,
        "expected a direction 'rising', 'falling' or 'both' but found 'up'");
    fails(STATES + "equations: {y1: 0, y2: 0}\n" + TSPAN
        + "events:\n  - {condition: y1, reset: {y3: 0}}\n", 5, 29,
        "assigns 'y3', which is not a state");
    fails(STATES + "equations: {y1: 0, y2: 0}\n" + TSPAN
        + "events:\n  - {condition: y1 + q}\n", 5, 22,
        "in condition of event 'event1': unknown symbol 'q'");
  }

  @Test
  void malformedYamlAndJsonReportTheParsersPosition() {
    fails("states: {y1: 1.0\nequations: {y1: 0}\n", 2, 10, "malformed YAML",
        "expected ',' or '}'");
    fails("states:\n  y1: 1\n   y2: 2\n", 3, 6, "malformed YAML");
    fails("{\"states\": {\"x\": 1,}\n}", "m.json", 1, 20, "malformed JSON");
    fails("", 1, 1, "the file is empty");
    fails("- a\n- b\n", 1, 1, "expected the model (a mapping");
  }

  @Test
  void yamlTagsAreRejectedNotConstructed() {
    fails(STATES + "equations: {y1: !!java.io.File /etc/passwd, y2: 0}\n" + TSPAN, 2, 17,
        "YAML tag 'tag:yaml.org,2002:java.io.File' is not allowed");
    fails("states: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
        + " [\"http://localhost/\"]]]]\n", 1, 9, "is not allowed");
    fails(STATES + "params: !custom {k: 1}\nequations: {y1: 0, y2: 0}\n" + TSPAN, 2, 9,
        "YAML tag '!custom' is not allowed");
  }

  @Test
  void aliasesAreRejectedAndAnchorsAreJustData() {
    fails("states: &s {y1: 1.0}\nparams: *s\n", 2, 9, "YAML aliases ('*s') are not allowed");
    fails("states: {y1: 1.0}\nequations: {y1: 0}\ntspan: [0, 1]\nx: &a 1\n<<: *a\n", 5, 5,
        "YAML aliases ('*a') are not allowed");
    ModelDefinition m = ModelFile.parse("states: &s {y1: 1.0}\nequations: {y1: &e -y1}\n"
        + TSPAN, "m.yaml");
    assertThat(m.stateNames()).containsExactly("y1");
    assertThat(m.equations().get(0)).hasToString("-y1");
  }

  @Test
  void extensionsAndEncoding(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> ModelFile.parse("states: {}", "model.txt"))
        .isInstanceOf(ModelFileException.class).hasMessageStartingWith("model.txt:1:1: ")
        .hasMessageContaining("expected .yaml, .yml or .json");
    Path bad = dir.resolve("bad.yaml");
    Files.write(bad, new byte[] {'s', ':', ' ', (byte) 0xff, (byte) 0xfe});
    assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(ModelFileException.class)
        .hasMessage(bad + ":1:1: not UTF-8 text");
    Path good = dir.resolve("decay.yml");
    Files.writeString(good, "states: {x: 1}\nparams: {k: 2}\nequations: {x: -k*x}\n" + TSPAN);
    assertThat(ModelFile.load(good).name()).isEqualTo("decay");
    assertThatThrownBy(() -> ModelFile.load(dir.resolve("missing.yaml")))
        .isInstanceOf(IOException.class);
  }
}
