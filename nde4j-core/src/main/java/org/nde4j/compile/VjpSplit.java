package org.nde4j.compile;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.op.Binary;
import org.nde4j.tensor.op.BinaryFn;
import org.nde4j.tensor.op.BroadcastTo;
import org.nde4j.tensor.op.Reshape;
import org.nde4j.tensor.op.Slice;
import org.nde4j.tensor.op.Transpose;
import org.nde4j.tensor.op.Unary;
import org.nde4j.tensor.op.UnaryFn;
import org.nde4j.tensor.op.Where;

/**
 * The reverse mode of a function split into a forward pass that saves residuals and a backward
 * pass that starts from them, JAX's {@code vjp}/{@code linearize} split (Bradbury et al., JAX,
 * 2018; Radul et al., "You Only Linearize Once", POPL 2023): in {@link Transforms#vjp}'s graph the
 * nodes that do not depend on the cotangent inputs are primal; those a cotangent node reads
 * become residual outputs of {@link #forward()} and inputs of {@link #backward()}, so the backward
 * pass never replays the forward one.
 *
 * <p>Fewer residuals are kept where it costs little: a primal value read by the backward pass is
 * recomputed there instead of saved when its op is cheap (reshape, slice, broadcast, transpose,
 * arithmetic, {@code square}, {@code relu}, …; not transcendental functions or products) and its
 * operands are available without saving anything more (kept inputs, constants, other residuals or
 * values recomputed the same way). For {@code tanh(x·W + b)·V} the backward pass then reads the
 * hidden activation only and rebuilds {@code 1 − tanh²} itself. Likewise a softplus layer's slope
 * {@code sigmoid(z)} is not saved next to its output {@code h = softplus(z)}: the backward pass
 * rebuilds it as {@code 1 − e^{−h}} ({@link SoftplusSlope}), which halves what such a layer keeps
 * and spares the forward pass its sigmoid. Sums of cotangents scattered into
 * disjoint slices of one input (a flat parameter vector sliced into weights) are assembled by one
 * concatenation ({@link ScatterSums}).
 *
 * <ul>
 *   <li>{@link #forward()}: inputs {@code x...} (those of {@code f}), outputs {@code [y...,
 *       r...]}: {@code f}'s outputs, then the {@link #numResiduals()} residuals.
 *   <li>{@link #backward()}: inputs {@code [x_k..., r..., ȳ...]}: the {@code keptInputs} of
 *       {@code f} in the order given, the residuals, one cotangent per output of {@code f};
 *       outputs {@code x̄...}, one per input of {@code f}, equal to those of {@link
 *       Transforms#vjp}'s graph.
 * </ul>
 *
 * Inputs of {@code f} not kept that the backward pass reads are residuals themselves (copied by
 * the forward pass); kept inputs are passed to both graphs by the caller (parameters, say, which
 * are the same for many evaluations and need not be copied each time).
 */
public final class VjpSplit {
  private static final int UNKNOWN = 0;
  private static final int SAVED = 1;
  private static final int RECOMPUTED = 2;
  /** A sigmoid rebuilt in the backward pass from a saved softplus of the same operand. */
  private static final int FROM_SOFTPLUS = 3;

  private final Graph forward;
  private final Graph backward;
  private final Shape[] residualShapes;

  private VjpSplit(Graph forward, Graph backward, Shape[] residualShapes) {
    this.forward = forward;
    this.backward = backward;
    this.residualShapes = residualShapes;
  }

  /**
   * Splits the reverse mode of {@code f}.
   *
   * @param keptInputs indices of inputs of {@code f} that the caller passes to the backward pass
   *     again (distinct)
   * @throws IllegalArgumentException if an index is out of range or repeated
   */
  public static VjpSplit of(Graph f, int... keptInputs) {
    int n = f.numInputs();
    int m = f.numOutputs();
    boolean[] kept = new boolean[n];
    for (int k : keptInputs) {
      if (k < 0 || k >= n || kept[k]) {
        throw new IllegalArgumentException("vjp split: kept input " + k + " is out of range or"
            + " repeated (the function has " + n + " inputs, kept " + java.util.Arrays.toString(
            keptInputs) + ")");
      }
      kept[k] = true;
    }
    Graph g = Transforms.vjp(f);
    List<Graph.Node> nodes = g.nodes();
    int size = nodes.size();
    // input index of each input node of g (x first, then ȳ), -1 otherwise
    int[] inputIndex = new int[size];
    java.util.Arrays.fill(inputIndex, -1);
    for (int i = 0; i < g.numInputs(); i++) {
      inputIndex[g.inputNode(i)] = i;
    }
    boolean[] tangent = new boolean[size];
    for (Graph.Node v : nodes) {
      if (v.isInput()) {
        tangent[v.id] = inputIndex[v.id] >= n;
      } else if (v.op != null) {
        for (int u : v.in) {
          tangent[v.id] |= tangent[u];
        }
      }
    }
    // primal values the backward pass reads, in node order
    boolean[] inBackward = new boolean[size];
    boolean[] read = new boolean[size];
    for (int j = 0; j < n; j++) {
      mark(nodes, g.outputNode(m + j), tangent, inBackward, read);
    }
    int[] status = new int[size];
    // sigmoid(z) read next to a softplus(z) of the same z (a softplus layer's slope): keep the
    // softplus output and rebuild the slope from it
    int[] slopeOf = slopeSources(nodes, read, tangent);
    for (Graph.Node v : nodes) {
      if (slopeOf[v.id] >= 0) {
        status[v.id] = FROM_SOFTPLUS;
        status[slopeOf[v.id]] = SAVED;
      }
    }
    for (Graph.Node v : nodes) {
      if (read[v.id] && status[v.id] == UNKNOWN
          && (v.isInput() ? !kept[inputIndex[v.id]] : v.op != null && !cheap(v.op))) {
        status[v.id] = SAVED;
      }
    }
    for (Graph.Node v : nodes) {
      if (read[v.id] && status[v.id] == UNKNOWN && v.op != null
          && !recomputable(nodes, v.id, status, kept, inputIndex)) {
        status[v.id] = SAVED;
      }
    }
    List<Integer> saved = new ArrayList<>();
    for (Graph.Node v : nodes) {
      if (status[v.id] == SAVED) {
        saved.add(v.id);
      }
    }
    Shape[] residualShapes = new Shape[saved.size()];
    for (int i = 0; i < residualShapes.length; i++) {
      residualShapes[i] = nodes.get(saved.get(i)).shape;
    }
    Graph fwd = Graph.trace(x -> {
      Tensor[] v = new Tensor[size];
      for (Graph.Node node : nodes) {
        if (node.isInput()) {
          if (inputIndex[node.id] < n) {
            v[node.id] = x[inputIndex[node.id]];
          }
        } else if (!tangent[node.id]) {
          v[node.id] = value(node, v);
        }
      }
      Tensor[] out = new Tensor[m + saved.size()];
      for (int i = 0; i < m; i++) {
        out[i] = v[g.outputNode(i)];
      }
      for (int i = 0; i < saved.size(); i++) {
        out[m + i] = v[saved.get(i)];
      }
      return out;
    }, f.inputShapes());
    Shape[] fIn = f.inputShapes();
    Shape[] bwdShapes = new Shape[keptInputs.length + saved.size() + m];
    for (int i = 0; i < keptInputs.length; i++) {
      bwdShapes[i] = fIn[keptInputs[i]];
    }
    System.arraycopy(residualShapes, 0, bwdShapes, keptInputs.length, residualShapes.length);
    System.arraycopy(f.outputShapes(), 0, bwdShapes, keptInputs.length + saved.size(), m);
    Graph bwd = Graph.trace(in -> {
      Tensor[] v = new Tensor[size];
      for (int i = 0; i < keptInputs.length; i++) {
        v[g.inputNode(keptInputs[i])] = in[i];
      }
      for (int i = 0; i < saved.size(); i++) {
        v[saved.get(i)] = in[keptInputs.length + i];
      }
      for (int i = 0; i < m; i++) {
        v[g.inputNode(n + i)] = in[keptInputs.length + saved.size() + i];
      }
      for (Graph.Node node : nodes) {
        if (status[node.id] == FROM_SOFTPLUS) {
          v[node.id] = Tensor.apply(SoftplusSlope.INSTANCE, v[slopeOf[node.id]]);
        }
      }
      for (Graph.Node node : nodes) {
        if (v[node.id] == null && !node.isInput() && (inBackward[node.id] || node.isConstant()
            || status[node.id] == RECOMPUTED)) {
          Tensor assembled = ScatterSums.concat(nodes, node, v);
          v[node.id] = assembled != null ? assembled : value(node, v);
        }
      }
      Tensor[] out = new Tensor[n];
      for (int j = 0; j < n; j++) {
        out[j] = v[g.outputNode(m + j)];
      }
      return out;
    }, bwdShapes);
    return new VjpSplit(fwd, bwd, residualShapes);
  }

  /**
   * Marks the cotangent nodes the value {@code id} depends on ({@code inBackward}) and the primal
   * values they read ({@code read}); a primal backward output is read as well.
   */
  private static void mark(List<Graph.Node> nodes, int id, boolean[] tangent,
      boolean[] inBackward, boolean[] read) {
    java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
    stack.push(id);
    while (!stack.isEmpty()) {
      int v = stack.pop();
      if (!tangent[v]) {
        read[v] = true;
        continue;
      }
      if (inBackward[v]) {
        continue;
      }
      inBackward[v] = true;
      for (int u : nodes.get(v).in) {
        stack.push(u);
      }
    }
  }

  /**
   * For each primal {@code sigmoid(z)} the backward pass reads, the id of a primal {@code
   * softplus(z)} of the same {@code z} (−1 elsewhere).
   */
  private static int[] slopeSources(List<Graph.Node> nodes, boolean[] read, boolean[] tangent) {
    int[] r = new int[nodes.size()];
    java.util.Arrays.fill(r, -1);
    java.util.Map<Integer, Integer> softplusOf = new java.util.HashMap<>();
    for (Graph.Node v : nodes) {
      if (v.op != null && !tangent[v.id] && v.op == Unary.of(UnaryFn.SOFTPLUS)) {
        softplusOf.putIfAbsent(v.in[0], v.id);
      }
    }
    for (Graph.Node v : nodes) {
      Integer sp = v.op != null && read[v.id] && v.in.length == 1 ? softplusOf.get(v.in[0]) : null;
      if (sp != null && SoftplusSlope.links(v.op, nodes.get(sp).op)) {
        r[v.id] = sp;
      }
    }
    return r;
  }

  /**
   * Whether the primal value {@code id} can be rebuilt in the backward pass from kept inputs,
   * constants, saved values and cheap ops only; marks what it rebuilds as {@link #RECOMPUTED}.
   */
  private static boolean recomputable(List<Graph.Node> nodes, int id, int[] status,
      boolean[] kept, int[] inputIndex) {
    if (status[id] != UNKNOWN) {
      return true;
    }
    Graph.Node v = nodes.get(id);
    if (v.isConstant()) {
      return true;
    }
    if (v.isInput()) {
      return kept[inputIndex[id]];
    }
    if (!cheap(v.op)) {
      return false;
    }
    for (int u : v.in) {
      if (!recomputable(nodes, u, status, kept, inputIndex)) {
        return false;
      }
    }
    status[id] = RECOMPUTED;
    return true;
  }

  /** Ops worth recomputing rather than saving: data movement and elementwise arithmetic. */
  private static boolean cheap(Op op) {
    if (op instanceof Reshape || op instanceof Slice || op instanceof BroadcastTo
        || op instanceof Transpose || op instanceof Where) {
      return true;
    }
    if (op instanceof Binary b) {
      return b.fn() != BinaryFn.POW;
    }
    if (op instanceof Unary u) {
      UnaryFn fn = u.fn();
      return fn == UnaryFn.NEG || fn == UnaryFn.SQUARE || fn == UnaryFn.ABS || fn == UnaryFn.SIGN
          || fn == UnaryFn.STEP || fn == UnaryFn.RELU;
    }
    return false;
  }

  private static Tensor value(Graph.Node node, Tensor[] v) {
    if (node.isConstant()) {
      return node.constant;
    }
    Tensor[] args = new Tensor[node.in.length];
    for (int j = 0; j < args.length; j++) {
      args[j] = v[node.in[j]];
    }
    return Tensor.apply(node.op, args);
  }

  /** Inputs {@code x...}; outputs {@code f}'s outputs followed by the residuals. */
  public Graph forward() {
    return forward;
  }

  /**
   * Inputs: the kept inputs (in the order given to {@link #of}), the residuals, the cotangents of
   * {@code f}'s outputs; outputs: one cotangent per input of {@code f}.
   */
  public Graph backward() {
    return backward;
  }

  /** Number of residuals the forward pass outputs after {@code f}'s outputs. */
  public int numResiduals() {
    return residualShapes.length;
  }

  /** Shapes of the residuals, in output order. */
  public Shape[] residualShapes() {
    return residualShapes.clone();
  }
}
