package org.nde4j.modelfile;

import java.util.List;

/**
 * A neural network declared in a model file's {@code networks:} section, e.g. {@code nn1:
 * {inputs: [x, y], hidden: [16, 16], activation: tanh}}: a multilayer perceptron from {@code
 * inputs.size()} inputs through the {@code hidden} widths to {@code outputs} (always 1) output,
 * with {@code activation} after every hidden layer and none after the last. Equations call it as
 * {@code nn1(x, y)}, one argument per input (any expressions), and get its one output. This is a
 * declaration only: {@code nde4j-learn} instantiates the network and owns its weights.
 *
 * @param name       an identifier, unique among states, parameters and networks
 * @param inputs     the input names, for documentation and arity (at least one, distinct)
 * @param hidden     hidden-layer widths, each {@code >= 1} (may be empty: an affine map)
 * @param activation one of {@link #ACTIVATIONS}
 * @param outputs    number of outputs; 1
 */
public record NetworkDefinition(String name, List<String> inputs, List<Integer> hidden,
    String activation, int outputs) {
  /** The activation names a model file may use (those of {@code org.nde4j.learn.nn.Activation}). */
  public static final List<String> ACTIVATIONS = List.of("tanh", "relu", "softplus", "gelu",
      "sigmoid", "identity");

  /** @throws IllegalArgumentException if a component breaks the contract above */
  public NetworkDefinition {
    inputs = List.copyOf(inputs);
    hidden = List.copyOf(hidden);
    if (inputs.isEmpty() || inputs.stream().distinct().count() != inputs.size()) {
      throw new IllegalArgumentException("network '" + name + "': inputs must be at least one"
          + " distinct name, got " + inputs);
    }
    for (int w : hidden) {
      if (w < 1) {
        throw new IllegalArgumentException("network '" + name + "': hidden widths must be >= 1,"
            + " got " + hidden);
      }
    }
    if (!ACTIVATIONS.contains(activation)) {
      throw new IllegalArgumentException("network '" + name + "': unknown activation '"
          + activation + "' (known: " + String.join(" ", ACTIVATIONS) + ")");
    }
    if (outputs != 1) {
      throw new IllegalArgumentException("network '" + name + "': outputs must be 1 (declare one"
          + " network per output), got " + outputs);
    }
  }

  /** Layer widths, inputs first and outputs last: {@code [inputs, hidden…, outputs]}. */
  public int[] widths() {
    int[] w = new int[hidden.size() + 2];
    w[0] = inputs.size();
    for (int i = 0; i < hidden.size(); i++) {
      w[i + 1] = hidden.get(i);
    }
    w[w.length - 1] = outputs;
    return w;
  }
}
