package org.nde4j.modelfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nde4j.compile.Function;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * The {@code noise:} and {@code sde_type:} keys: diagonal, additive (detected) and matrix
 * diffusions evaluate to the expressions' values, and malformed sections point FILE:LINE:COL at
 * the offending key or value.
 */
class NoiseSectionTest {
  private static final String HEAD = "states: {x: 2.0, y: 0.5}\nparams: {mu: 0.1, s: 0.3}\n"
      + "equations:\n  x: mu*x\n  y: -y\ntspan: [0, 1]\n";

  private static void fails(String text, int line, int col, String... parts) {
    assertThatThrownBy(() -> ModelFile.parse(text, "m.yaml"))
        .isInstanceOfSatisfying(ModelFileException.class, e -> {
          assertThat(e.getMessage()).startsWith("m.yaml:" + line + ":" + col + ": ");
          for (String p : parts) {
            assertThat(e.reason()).contains(p);
          }
        });
  }

  private static double[] diffusion(ModelDefinition m, double... y) {
    Tensor t = Tensor.scalar(0.5);
    Tensor p = Tensor.vector(m.paramValues());
    Tensor eager = m.diffusion().apply(t, Tensor.vector(y), p)[0];
    Tensor compiled = Function.of(m.diffusion()).call(t, Tensor.vector(y), p)[0];
    assertThat(compiled.toArray()).containsExactly(eager.toArray());
    return eager.toArray();
  }

  @Test
  void diagonalNoiseIsOneExpressionPerStateAndZeroForTheOthers() {
    ModelDefinition m = ModelFile.parse(HEAD + "noise:\n  x: s*x\n", "m.yaml");
    NoiseDefinition n = m.noise().orElseThrow();
    assertThat(n.kind()).isEqualTo(NoiseDefinition.Kind.DIAGONAL);
    assertThat(n.channels()).isEqualTo(2);
    assertThat(n.stratonovich()).isFalse();
    assertThat(diffusion(m, 2.0, 0.5)).containsExactly(0.6, 0.0);
    // batched states: one row per sample
    Tensor y = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
    Tensor g = m.diffusion().apply(Tensor.scalar(0), y, Tensor.vector(m.paramValues()))[0];
    assertThat(g.shape()).isEqualTo(Shape.of(2, 2));
    assertThat(g.toArray()).containsExactly(0.3, 0, 0.8999999999999999, 0);
  }

  @Test
  void noiseThatDoesNotDependOnTheStateIsAdditive() {
    ModelDefinition m = ModelFile.parse(HEAD + "sde_type: stratonovich\nnoise:\n  x: s\n"
        + "  y: s*(1 + t)\n", "m.yaml");
    NoiseDefinition n = m.noise().orElseThrow();
    assertThat(n.kind()).isEqualTo(NoiseDefinition.Kind.ADDITIVE);
    assertThat(n.stratonovich()).isTrue();
    assertThat(diffusion(m, 7, 8)).containsExactly(0.3, 0.3 * 1.5);
  }

  @Test
  void listsAreTheRowsOfANoiseMatrix() {
    ModelDefinition m = ModelFile.parse(HEAD + "noise:\n  x: [s*x, 0, 1]\n  y: [0, y, s]\n",
        "m.yaml");
    NoiseDefinition n = m.noise().orElseThrow();
    assertThat(n.kind()).isEqualTo(NoiseDefinition.Kind.GENERAL);
    assertThat(n.channels()).isEqualTo(3);
    Tensor g = m.diffusion().apply(Tensor.scalar(0), Tensor.vector(2, 0.5),
        Tensor.vector(m.paramValues()))[0];
    assertThat(g.shape()).isEqualTo(Shape.of(2, 3));
    assertThat(g.toArray()).containsExactly(0.6, 0, 1, 0, 0.5, 0.3);
  }

  @Test
  void anOdeHasNoDiffusion() {
    ModelDefinition m = ModelFile.parse(HEAD, "m.yaml");
    assertThat(m.noise()).isEmpty();
    assertThatThrownBy(m::diffusion).hasMessageContaining("has no 'noise' section");
  }

  @Test
  void malformedNoiseIsRefusedWhereItIs() {
    fails(HEAD + "noise:\n  z: s\n", 8, 3, "noise for undeclared state 'z'", "states: x y");
    fails(HEAD + "noise:\n  x: s*x\n  y: [0, 1]\n", 9, 6, "all be expressions",
        "all lists of the same length");
    fails(HEAD + "noise:\n  x: [s, 0]\n  y: [1]\n", 9, 6, "has a row of 1",
        "earlier state has a row of 2");
    fails(HEAD + "noise:\n  x: s*q\n", 8, 8, "noise of x", "unknown symbol 'q'");
    fails(HEAD + "sde_type: levy\nnoise:\n  x: s\n", 7, 11, "unknown sde_type 'levy'",
        "ito or stratonovich");
    fails(HEAD + "sde_type: ito\n", 7, 1, "'sde_type' without a 'noise' section");
    fails(HEAD + "noise: {}\n", 7, 8, "empty 'noise' section");
  }
}
