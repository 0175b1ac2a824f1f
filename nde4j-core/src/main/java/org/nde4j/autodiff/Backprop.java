package org.nde4j.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.tensor.NotDifferentiableException;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;

/**
 * Reverse mode over the tape. The same routine serves eager tensors and symbolic ones (graph
 * transformations replay a graph with taping on and then call it), because every VJP rule is
 * written in ops.
 */
public final class Backprop {
  private Backprop() {}

  /** The recorded nodes upstream of {@code roots}, in creation (topological) order. */
  static List<TapeNode> upstream(Tensor[] roots) {
    IdentityHashMap<TapeNode, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<TapeNode> stack = new ArrayDeque<>();
    for (Tensor r : roots) {
      if (r.gradFn() != null && r.requiresGrad() && seen.put(r.gradFn(), Boolean.TRUE) == null) {
        stack.push(r.gradFn());
      }
    }
    List<TapeNode> nodes = new ArrayList<>();
    while (!stack.isEmpty()) {
      TapeNode n = stack.pop();
      nodes.add(n);
      for (Tensor in : n.inputs()) {
        TapeNode p = in.gradFn();
        if (p != null && in.requiresGrad() && seen.put(p, Boolean.TRUE) == null) {
          stack.push(p);
        }
      }
    }
    nodes.sort(Comparator.comparingLong(TapeNode::seq));
    return nodes;
  }

  /**
   * Cotangents of {@code wrt} given cotangents of {@code outputs}: the VJP of the recorded
   * computation. Inputs on which the outputs do not depend get zeros.
   *
   * @param createGraph record the backward pass itself so the result can be differentiated again
   * @throws ShapeException if a cotangent's shape differs from its output's
   */
  public static Tensor[] grad(Tensor[] outputs, Tensor[] cotangents, Tensor[] wrt,
      boolean createGraph) {
    Map<Tensor, Tensor> cot = sweep(outputs, cotangents, createGraph);
    Tensor[] r = new Tensor[wrt.length];
    for (int i = 0; i < wrt.length; i++) {
      Tensor g = cot.get(wrt[i]);
      r[i] = g != null ? g : Tensor.zeros(wrt[i].shape());
    }
    return r;
  }

  /** Implements {@link Tensor#backward(Tensor, boolean)}: accumulates into leaves' {@code grad}. */
  public static void backward(Tensor out, Tensor seed, boolean createGraph) {
    if (!out.requiresGrad()) {
      if (out.gradFn() != null && !out.gradFn().op().differentiable()) {
        throw new NotDifferentiableException("backward: op " + out.gradFn().describe()
            + " is not differentiable (piecewise constant); no gradient flows through it");
      }
      throw new IllegalStateException("backward: tensor of shape " + out.shape()
          + " does not require a gradient (no input was marked requiresGrad(true))");
    }
    Map<Tensor, Tensor> cot = sweep(new Tensor[] {out}, new Tensor[] {seed}, createGraph);
    for (Map.Entry<Tensor, Tensor> e : cot.entrySet()) {
      Tensor t = e.getKey();
      if (t.gradFn() == null && t.requiresGrad()) {
        t.accumulateGrad(e.getValue());
      }
    }
  }

  private static Map<Tensor, Tensor> sweep(Tensor[] outputs, Tensor[] cotangents,
      boolean createGraph) {
    if (outputs.length != cotangents.length) {
      throw new IllegalArgumentException("grad: " + outputs.length + " outputs but "
          + cotangents.length + " cotangents");
    }
    IdentityHashMap<Tensor, Tensor> cot = new IdentityHashMap<>();
    for (int i = 0; i < outputs.length; i++) {
      if (!cotangents[i].shape().equals(outputs[i].shape())) {
        throw new ShapeException("grad: cotangent " + i + " has shape " + cotangents[i].shape()
            + " but output " + i + " has shape " + outputs[i].shape());
      }
      accumulate(cot, outputs[i], cotangents[i]);
    }
    List<TapeNode> nodes = upstream(outputs);
    try (GradMode.Scope s = GradMode.set(createGraph)) {
      for (int k = nodes.size() - 1; k >= 0; k--) {
        TapeNode n = nodes.get(k);
        Tensor g = cot.get(n.output());
        if (g == null) {
          continue;
        }
        Tensor[] in = n.inputs();
        Tensor[] gi = n.op().vjp(in, n.output(), g);
        for (int i = 0; i < in.length; i++) {
          if (gi[i] != null && in[i].requiresGrad()) {
            accumulate(cot, in[i], gi[i]);
          }
        }
      }
    }
    return cot;
  }

  private static void accumulate(Map<Tensor, Tensor> cot, Tensor t, Tensor g) {
    Tensor prev = cot.get(t);
    cot.put(t, prev == null ? g : prev.add(g));
  }
}
