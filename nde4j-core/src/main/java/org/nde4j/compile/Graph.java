package org.nde4j.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import org.nde4j.autodiff.GradMode;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;
import org.nde4j.tensor.Tracer;

/**
 * A traced computation in SSA form: input nodes, constant nodes and op nodes, in topological
 * (creation) order, plus the list of output nodes. Built by {@link #trace}; immutable afterwards.
 * Graph transformations ({@link Transforms}) replay a graph on new symbolic inputs and return new
 * graphs; {@link #compile()} turns a graph into an executable {@link Plan}.
 */
public final class Graph implements Tracer {

  /** One SSA value: an input ({@code op == null, constant == null}), a constant, or an op result. */
  public static final class Node {
    final int id;
    final Op op;
    final int[] in;
    final Shape shape;
    final Tensor constant;

    Node(int id, Op op, int[] in, Shape shape, Tensor constant) {
      this.id = id;
      this.op = op;
      this.in = in;
      this.shape = shape;
      this.constant = constant;
    }

    public int id() {
      return id;
    }

    public Op op() {
      return op;
    }

    public int[] inputs() {
      return in.clone();
    }

    public Shape shape() {
      return shape;
    }

    public boolean isInput() {
      return op == null && constant == null;
    }

    public boolean isConstant() {
      return constant != null;
    }

    @Override
    public String toString() {
      if (isInput()) {
        return "%" + id + " = input " + shape;
      }
      if (isConstant()) {
        return "%" + id + " = const " + shape
            + (shape.size() == 1 ? " " + constant.dataRef()[0] : "");
      }
      StringBuilder sb = new StringBuilder("%").append(id).append(" = ").append(op).append('(');
      for (int i = 0; i < in.length; i++) {
        sb.append(i > 0 ? ", %" : "%").append(in[i]);
      }
      return sb.append(") ").append(shape).toString();
    }
  }

  private final List<Node> nodes = new ArrayList<>();
  private final List<Integer> inputs = new ArrayList<>();
  private final IdentityHashMap<double[], Integer> constIds = new IdentityHashMap<>();
  private int[] outputs;

  private Graph() {}

  /**
   * Traces {@code fn} on symbolic inputs of the given shapes. Concrete tensors the function
   * captures become constants.
   *
   * @throws IllegalStateException if the function returns symbolic tensors of another trace
   */
  public static Graph trace(TensorFn fn, Shape... inputShapes) {
    return trace(fn, 0, inputShapes);
  }

  /**
   * Traces with the first {@code gradInputs} inputs marked as requiring gradients (for
   * transformations). Gradient recording is switched on for the trace whatever the caller's
   * {@link GradMode}: a derivative graph traced lazily inside an eager backward pass (where
   * recording is off) must not come out as zeros.
   */
  static Graph trace(TensorFn fn, int gradInputs, Shape... inputShapes) {
    Graph g = new Graph();
    Tensor[] xs = new Tensor[inputShapes.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = g.addInput(inputShapes[i]);
      if (i < gradInputs) {
        xs[i].requiresGrad(true);
      }
    }
    Tensor[] ys;
    try (GradMode.Scope s = GradMode.set(gradInputs > 0 || GradMode.isEnabled())) {
      ys = fn.apply(xs);
    }
    g.outputs = new int[ys.length];
    for (int i = 0; i < ys.length; i++) {
      g.outputs[i] = g.nodeOf(ys[i]);
    }
    return g;
  }

  private Tensor addInput(Shape s) {
    int id = nodes.size();
    nodes.add(new Node(id, null, new int[0], s, null));
    inputs.add(id);
    return Tensor.symbolic(this, id, s);
  }

  private int nodeOf(Tensor t) {
    if (t.tracer() == this) {
      return t.node();
    }
    if (t.isSymbolic()) {
      throw new IllegalStateException("trace: tensor of shape " + t.shape()
          + " belongs to another trace");
    }
    return constant(t);
  }

  private int constant(Tensor t) {
    Integer id = constIds.get(t.dataRef());
    if (id != null && nodes.get(id).shape.equals(t.shape())) {
      return id;
    }
    int nid = nodes.size();
    nodes.add(new Node(nid, null, new int[0], t.shape(), t.detach()));
    constIds.put(t.dataRef(), nid);
    return nid;
  }

  @Override
  public Tensor record(Op op, Tensor[] in, Shape out) {
    if (outputs != null) {
      throw new IllegalStateException("trace: graph is complete; a symbolic tensor escaped the "
          + "traced function and was used afterwards");
    }
    int[] ids = new int[in.length];
    for (int i = 0; i < in.length; i++) {
      ids[i] = nodeOf(in[i]);
    }
    int id = nodes.size();
    nodes.add(new Node(id, op, ids, out, null));
    return Tensor.symbolic(this, id, out);
  }

  /**
   * Evaluates the graph on the given tensors op by op through {@link Tensor#apply}: concrete
   * inputs give concrete outputs (taped if they require gradients), symbolic inputs of another
   * trace record this graph into that trace.
   */
  public Tensor[] replay(Tensor... in) {
    if (in.length != inputs.size()) {
      throw new IllegalArgumentException("graph expects " + inputs.size() + " inputs, got "
          + in.length);
    }
    Tensor[] v = new Tensor[nodes.size()];
    for (int i = 0; i < in.length; i++) {
      Shape want = nodes.get(inputs.get(i)).shape;
      if (!in[i].shape().equals(want)) {
        throw new org.nde4j.tensor.ShapeException("graph input " + i + " has shape " + want
            + ", got " + in[i].shape());
      }
      v[inputs.get(i)] = in[i];
    }
    for (Node n : nodes) {
      if (n.constant != null) {
        v[n.id] = n.constant;
      } else if (n.op != null) {
        Tensor[] args = new Tensor[n.in.length];
        for (int j = 0; j < args.length; j++) {
          args[j] = v[n.in[j]];
        }
        v[n.id] = Tensor.apply(n.op, args);
      }
    }
    Tensor[] out = new Tensor[outputs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = v[outputs[i]];
    }
    return out;
  }

  /**
   * Compiles this graph into an executable plan: CSE, DCE, fusion, preallocated buffers; small
   * graphs are lowered to generated straight-line code (see {@link #compile(boolean)}).
   */
  public Plan compile() {
    return Compiler.compile(this, true);
  }

  /**
   * Compiles this graph; with {@code generateCode} false the plan always runs kernel by kernel
   * (useful to compare the two back ends).
   */
  public Plan compile(boolean generateCode) {
    return Compiler.compile(this, generateCode);
  }

  public List<Node> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public int numInputs() {
    return inputs.size();
  }

  public int numOutputs() {
    return outputs.length;
  }

  int inputNode(int i) {
    return inputs.get(i);
  }

  int outputNode(int i) {
    return outputs[i];
  }

  public Shape[] inputShapes() {
    Shape[] s = new Shape[inputs.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = nodes.get(inputs.get(i)).shape;
    }
    return s;
  }

  public Shape[] outputShapes() {
    Shape[] s = new Shape[outputs.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = nodes.get(outputs[i]).shape;
    }
    return s;
  }

  /** A graph with the same inputs whose outputs are the chosen outputs of this one. */
  public Graph select(int... outputIndices) {
    for (int i : outputIndices) {
      if (i < 0 || i >= outputs.length) {
        throw new IllegalArgumentException("select: output " + i + " out of range (graph has "
            + outputs.length + " outputs)");
      }
    }
    return trace(x -> {
      Tensor[] y = replay(x);
      Tensor[] r = new Tensor[outputIndices.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = y[outputIndices[i]];
      }
      return r;
    }, inputShapes());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Node n : nodes) {
      sb.append(n).append('\n');
    }
    return sb.append("outputs ").append(Arrays.toString(
        Arrays.stream(outputs).mapToObj(i -> "%" + i).toArray())).toString();
  }
}
