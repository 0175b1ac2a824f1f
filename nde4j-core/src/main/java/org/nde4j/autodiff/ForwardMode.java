package org.nde4j.autodiff;

import java.util.IdentityHashMap;
import java.util.List;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * Forward mode over the tape: pushes tangents of the inputs through the recorded ops in creation
 * order with each op's JVP rule (written in ops, so the result can be differentiated again).
 */
public final class ForwardMode {
  private ForwardMode() {}

  /**
   * Tangents of {@code outputs} given tangents of {@code inputs} (same shapes as the inputs); an
   * output that does not depend on the inputs gets zeros.
   */
  public static Tensor[] jvp(Tensor[] outputs, Tensor[] inputs, Tensor[] tangents) {
    IdentityHashMap<Tensor, Tensor> tan = new IdentityHashMap<>();
    for (int i = 0; i < inputs.length; i++) {
      if (!tangents[i].shape().equals(inputs[i].shape())) {
        throw new ShapeException("jvp: tangent " + i + " has shape " + tangents[i].shape()
            + " but input " + i + " has shape " + inputs[i].shape());
      }
      Tensor prev = tan.put(inputs[i], tangents[i]);
      if (prev != null) {
        tan.put(inputs[i], prev.add(tangents[i]));
      }
    }
    List<TapeNode> nodes = Backprop.upstream(outputs);
    for (TapeNode n : nodes) {
      Tensor[] in = n.inputs();
      Tensor[] t = new Tensor[in.length];
      boolean any = false;
      for (int i = 0; i < in.length; i++) {
        t[i] = tan.get(in[i]);
        any |= t[i] != null;
      }
      if (!any) {
        continue;
      }
      Tensor r = n.op().jvp(in, n.output(), t);
      if (r != null) {
        tan.put(n.output(), r);
      }
    }
    Tensor[] out = new Tensor[outputs.length];
    for (int i = 0; i < outputs.length; i++) {
      Tensor t = tan.get(outputs[i]);
      out[i] = t != null ? t : Tensor.zeros(outputs[i].shape());
    }
    return out;
  }
}
