package org.nde4j.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nde4j.tensor.ElementwiseOp;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.op.Binary;
import org.nde4j.tensor.op.BinaryFn;
import org.nde4j.tensor.op.MatMul;
import org.nde4j.tensor.op.Reshape;
import org.nde4j.tensor.op.Slice;
import org.nde4j.tensor.op.Unary;
import org.nde4j.tensor.op.UnaryFn;

/**
 * Turns a {@link Graph} into a {@link Plan}: common-subexpression elimination (ops are values, so
 * equal ops on equal operands are one node), dead-code elimination from the outputs, reshapes as
 * buffer aliases, one step for a softplus and the sigmoid of its operand, fusion of elementwise
 * trees whose intermediates have a single consumer and the result's shape, and buffer assignment
 * with reuse by liveness. Every buffer and kernel is created
 * here, so running the plan allocates nothing.
 */
final class Compiler {
  private Compiler() {}

  /** Value node after CSE: op == null means input or constant. */
  static final class V {
    final int id;
    Op op;
    int[] in;
    final Shape shape;
    final double[] constant;
    final int inputIndex;
    int uses;
    boolean live;
    V fusedInto;
    /** A value this one's step writes as well (see {@link SoftplusSigmoid}). */
    V companion;
    /** The value whose step writes this one, which then has no step of its own. */
    V computedBy;
    int buffer = -1;

    V(int id, Op op, int[] in, Shape shape, double[] constant, int inputIndex) {
      this.id = id;
      this.op = op;
      this.in = in;
      this.shape = shape;
      this.constant = constant;
      this.inputIndex = inputIndex;
    }
  }

  private static final class Key {
    final Op op;
    final int[] in;

    Key(Op op, int[] in) {
      this.op = op;
      this.in = in;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key && ((Key) o).op.equals(op) && Arrays.equals(((Key) o).in, in);
    }

    @Override
    public int hashCode() {
      return op.hashCode() * 31 + Arrays.hashCode(in);
    }
  }

  static Plan compile(Graph g, boolean generateCode) {
    List<Graph.Node> nodes = g.nodes();
    int[] map = new int[nodes.size()];
    List<V> vs = new ArrayList<>();
    Map<Key, Integer> cse = new HashMap<>();
    Map<String, Integer> scalarConsts = new HashMap<>();
    IdentityHashMap<double[], Integer> arrayConsts = new IdentityHashMap<>();
    int[] inputIndexOfNode = new int[nodes.size()];
    Arrays.fill(inputIndexOfNode, -1);
    for (int i = 0; i < g.numInputs(); i++) {
      inputIndexOfNode[g.inputNode(i)] = i;
    }
    for (Graph.Node n : nodes) {
      if (n.isInput()) {
        map[n.id] = add(vs, null, new int[0], n.shape, null, inputIndexOfNode[n.id]);
      } else if (n.isConstant()) {
        double[] d = n.constant.dataRef();
        Integer prev;
        if (d.length == 1) {
          String k = n.shape + ":" + Double.doubleToRawLongBits(d[0]);
          prev = scalarConsts.get(k);
          if (prev == null) {
            prev = add(vs, null, new int[0], n.shape, d, -1);
            scalarConsts.put(k, prev);
          }
        } else {
          prev = arrayConsts.get(d);
          if (prev == null || !vs.get(prev).shape.equals(n.shape)) {
            prev = add(vs, null, new int[0], n.shape, d, -1);
            arrayConsts.put(d, prev);
          }
        }
        map[n.id] = prev;
      } else {
        int[] in = new int[n.in.length];
        for (int j = 0; j < in.length; j++) {
          in[j] = map[n.in[j]];
        }
        Key k = new Key(n.op, in);
        Integer prev = cse.get(k);
        if (prev == null) {
          prev = add(vs, n.op, in, n.shape, null, -1);
          cse.put(k, prev);
        }
        map[n.id] = prev;
      }
    }
    int[] outs = new int[g.numOutputs()];
    for (int i = 0; i < outs.length; i++) {
      outs[i] = map[g.outputNode(i)];
    }
    // dead-code elimination and use counts
    boolean[] isOutput = new boolean[vs.size()];
    for (int o : outs) {
      isOutput[o] = true;
    }
    markLive(vs, outs);
    // straight-line code is generated from the graph as traced; the rewrites below serve the
    // kernel-by-kernel form
    PlanRunner program = generateCode ? ScalarCodegen.tryGenerate(vs, outs) : null;
    absorbBiases(vs, isOutput);
    if (absorbSlices(vs)) {
      markLive(vs, outs);
    }
    pairSoftplusSigmoid(vs);
    // fusion: an elementwise value with one consumer, that consumer elementwise and of the same
    // shape, and not itself an output, is computed inside its consumer's fused kernel
    for (V v : vs) {
      if (!v.live || !(v.op instanceof ElementwiseOp) || v.computedBy != null) {
        continue;
      }
      for (int i : v.in) {
        V p = vs.get(i);
        if (p.op instanceof ElementwiseOp && p.uses == 1 && !isOutput[p.id] && p.computedBy == null
            && p.shape.equals(v.shape)) {
          p.fusedInto = v;
        }
      }
    }
    return new PlanBuilder(g, vs, outs, isOutput).build(generateCode, program);
  }

  /**
   * {@code softplus(x)} and {@code sigmoid(x)} of one operand (a softplus layer and, in the
   * reverse pass, its derivative) become one {@link SoftplusSigmoid} step at the softplus, which
   * writes the sigmoid's buffer too. Before fusion, so that the sigmoid stays a buffer its
   * consumer reads rather than being recomputed inside the consumer's loop. The softplus must
   * come first in trace order, so that the sigmoid is written before any step reads it.
   */
  private static void pairSoftplusSigmoid(List<V> vs) {
    Map<Integer, V> softplusOf = new HashMap<>();
    for (V v : vs) {
      if (v.live && v.op == Unary.of(UnaryFn.SOFTPLUS)) {
        softplusOf.putIfAbsent(v.in[0], v);
      }
    }
    for (V v : vs) {
      V p = v.live && v.in.length == 1 ? softplusOf.get(v.in[0]) : null;
      if (p != null && p.companion == null && p.id < v.id && SoftplusSigmoid.pairs(p.op, v.op)) {
        p.op = SoftplusSigmoid.INSTANCE;
        p.companion = v;
        v.computedBy = p;
      }
    }
  }

  /** Marks the values the outputs depend on live (the others dead) and counts their uses. */
  private static void markLive(List<V> vs, int[] outs) {
    for (V v : vs) {
      v.live = false;
      v.uses = 0;
    }
    ArrayDeque<V> stack = new ArrayDeque<>();
    for (int o : outs) {
      if (!vs.get(o).live) {
        vs.get(o).live = true;
        stack.push(vs.get(o));
      }
    }
    while (!stack.isEmpty()) {
      V v = stack.pop();
      for (int i : v.in) {
        V p = vs.get(i);
        if (!p.live) {
          p.live = true;
          stack.push(p);
        }
      }
    }
    for (V v : vs) {
      if (v.live) {
        for (int i : v.in) {
          vs.get(i).uses++;
        }
      }
    }
  }

  /**
   * A 2-D product (with or without an absorbed bias) that reads contiguous slices of a vector
   * (possibly reshaped: weights sliced out of a flat parameter vector) becomes a {@link MatMulAt}
   * reading the vector at the slices' offsets, so the slices are not copied out at every run.
   *
   * @return whether anything was rewritten (use counts are then stale)
   */
  private static boolean absorbSlices(List<V> vs) {
    boolean changed = false;
    for (V v : vs) {
      MatMul product = v.op instanceof MatMul mm ? mm
          : v.op instanceof BiasedMatMul bm ? bm.product() : null;
      if (!v.live || product == null) {
        continue;
      }
      boolean biased = v.op instanceof BiasedMatMul;
      Shape a = vs.get(v.in[0]).shape;
      Shape b = vs.get(v.in[1]).shape;
      if (a.rank() != 2 || b.rank() != 2 || v.shape.rank() != 2) {
        continue;
      }
      int[] in = v.in.clone();
      int[] offsets = new int[in.length];
      boolean any = false;
      for (int j = 0; j < in.length; j++) {
        V s = vs.get(in[j]);
        if (s.op instanceof Reshape) {
          s = vs.get(s.in[0]);
        }
        if (s.op instanceof Slice sl && sl.axis() == 0 && sl.step() == 1
            && vs.get(s.in[0]).shape.rank() == 1) {
          // a slice of a slice of a vector (a layer's weights in one block of a larger θ, as an
          // SDE's drift and diffusion share θ): one offset into the outermost vector
          int offset = sl.begin();
          V src = vs.get(s.in[0]);
          while (src.op instanceof Slice outer && outer.axis() == 0 && outer.step() == 1
              && vs.get(src.in[0]).shape.rank() == 1) {
            offset += outer.begin();
            src = vs.get(src.in[0]);
          }
          in[j] = src.id;
          offsets[j] = offset;
          any = true;
        }
      }
      if (any) {
        v.op = new MatMulAt(product, biased, a, b, offsets);
        v.in = in;
        changed = true;
      }
    }
    return changed;
  }

  /**
   * {@code add(matmul(a, b), bias)} with a bias row, where the product feeds nothing else, becomes
   * one {@link BiasedMatMul} step (before fusion, so the add is not fused into a later loop).
   */
  private static void absorbBiases(List<V> vs, boolean[] isOutput) {
    for (V v : vs) {
      if (!v.live || !(v.op instanceof Binary) || ((Binary) v.op).fn() != BinaryFn.ADD) {
        continue;
      }
      for (int j = 0; j < 2; j++) {
        V p = vs.get(v.in[j]);
        V bias = vs.get(v.in[1 - j]);
        if (p.op instanceof MatMul && p.uses == 1 && !isOutput[p.id] && p.shape.equals(v.shape)
            && BiasedMatMul.accepts(v.shape, bias.shape)) {
          v.op = new BiasedMatMul((MatMul) p.op);
          v.in = new int[] {p.in[0], p.in[1], bias.id};
          p.live = false;
          p.uses = 0;
          break;
        }
      }
    }
  }

  private static int add(List<V> vs, Op op, int[] in, Shape s, double[] c, int inputIndex) {
    int id = vs.size();
    vs.add(new V(id, op, in, s, c, inputIndex));
    return id;
  }

  /** Assigns buffers and builds the steps. */
  private static final class PlanBuilder {
    final Graph g;
    final List<V> vs;
    final int[] outs;
    final boolean[] isOutput;
    final List<double[]> buffers = new ArrayList<>();
    final List<Boolean> pooled = new ArrayList<>();
    final Map<Integer, ArrayDeque<Integer>> free = new HashMap<>();
    final List<Plan.Step> steps = new ArrayList<>();
    boolean generateCode;

    PlanBuilder(Graph g, List<V> vs, int[] outs, boolean[] isOutput) {
      this.g = g;
      this.vs = vs;
      this.outs = outs;
      this.isOutput = isOutput;
    }

    int newBuffer(double[] data, boolean pool) {
      buffers.add(data);
      pooled.add(pool);
      return buffers.size() - 1;
    }

    /** "fused(op op …)" in evaluation order. */
    String fusedLabel(V v) {
      StringBuilder sb = new StringBuilder();
      appendOps(v, sb);
      return "fused(" + sb + ")";
    }

    private void appendOps(V v, StringBuilder sb) {
      for (int i : v.in) {
        if (vs.get(i).fusedInto == v) {
          appendOps(vs.get(i), sb);
        }
      }
      sb.append(sb.length() > 0 ? " " : "").append(v.op.name());
    }

    Plan build(boolean generateCode, PlanRunner program) {
      // with straight-line code the kernel steps only serve profile(): no fused code for them
      this.generateCode = generateCode && program == null;
      int nIn = g.numInputs();
      int[] inputBuffers = new int[nIn];
      for (V v : vs) {
        if (v.inputIndex >= 0) {
          v.buffer = newBuffer(new double[v.shape.size()], false);
          inputBuffers[v.inputIndex] = v.buffer;
        } else if (v.constant != null && v.live) {
          v.buffer = newBuffer(v.constant, false);
        }
      }
      // last step index at which each buffer is read (aliases share buffers)
      List<V> order = new ArrayList<>();
      for (V v : vs) {
        if (v.live && v.op != null && v.fusedInto == null && v.computedBy == null) {
          order.add(v);
        }
      }
      order = elementwiseFirst(order);
      Map<V, Integer> lastRead = new IdentityHashMap<>();
      for (int s = 0; s < order.size(); s++) {
        for (V leaf : leaves(order.get(s))) {
          lastRead.put(root(leaf), s);
        }
      }
      for (int s = 0; s < order.size(); s++) {
        V v = order.get(s);
        if (v.op.aliasesInput()) {
          v.buffer = vs.get(v.in[0]).buffer;
        } else {
          v.buffer = allocate(v.shape.size());
          boolean fused = false;
          for (int i : v.in) {
            fused |= vs.get(i).fusedInto == v;
          }
          // a fused kernel reads its distinct external operands; a plain kernel its operands
          List<V> operands = fused ? leaves(v) : direct(v);
          if (v.companion != null) {
            // written, not read, by this step: allocated with its output
            v.companion.buffer = allocate(v.companion.shape.size());
            operands.add(v.companion);
          }
          int[] ids = new int[operands.size()];
          Shape[] shapes = new Shape[operands.size()];
          for (int j = 0; j < ids.length; j++) {
            ids[j] = operands.get(j).buffer;
            shapes[j] = operands.get(j).shape;
          }
          Kernel k = fused ? fusedKernel(v, operands, shapes) : v.op.kernel(shapes, v.shape);
          steps.add(new Plan.Step(k, ids, v.buffer, fused ? fusedLabel(v) : v.op.toString()));
        }
        // release buffers whose last reader was this step (after the output is assigned, so a
        // kernel never writes over its own operand)
        for (V leaf : leaves(v)) {
          V r = root(leaf);
          if (Objects.equals(lastRead.get(r), s) && releasable(r)) {
            free.computeIfAbsent(buffers.get(r.buffer).length, k -> new ArrayDeque<>())
                .push(r.buffer);
          }
        }
      }
      int[] outputBuffers = new int[outs.length];
      Shape[] outShapes = new Shape[outs.length];
      for (int i = 0; i < outs.length; i++) {
        outputBuffers[i] = vs.get(outs[i]).buffer;
        outShapes[i] = vs.get(outs[i]).shape;
      }
      // an output may be computed in the caller's array if its buffer is pooled (not an input's
      // or a constant's) and no other output shares it
      boolean[] direct = new boolean[outs.length];
      for (int i = 0; i < outs.length; i++) {
        direct[i] = pooled.get(outputBuffers[i]);
        for (int j = 0; j < outs.length; j++) {
          direct[i] &= j == i || outputBuffers[j] != outputBuffers[i];
        }
      }
      return new Plan(g.inputShapes(), outShapes, buffers.toArray(new double[0][]),
          inputBuffers, outputBuffers, direct, steps.toArray(new Plan.Step[0]), program);
    }

    /**
     * {@code order} rescheduled so that a step whose operands are all computed runs before any
     * product that is also ready: among the ready steps, the first elementwise (or other
     * non-product) one in the original order, else the first one. Values are unchanged (each
     * step sees the same operands); what changes is when an array is first touched. A backward
     * pass reads a saved activation {@code H} both in a product {@code Hᵀ·Ḡ} and elementwise
     * ({@code 1 − H²}); run first, the elementwise step streams {@code H} in order and leaves it
     * in cache for the product, whose transposed packing otherwise reads it, cold, in strides.
     */
    List<V> elementwiseFirst(List<V> order) {
      Map<V, Integer> index = new IdentityHashMap<>();
      for (int s = 0; s < order.size(); s++) {
        index.put(order.get(s), s);
      }
      int[] waiting = new int[order.size()];
      List<List<Integer>> readers = new ArrayList<>();
      for (int s = 0; s < order.size(); s++) {
        readers.add(new ArrayList<>());
      }
      for (int s = 0; s < order.size(); s++) {
        java.util.Set<Integer> deps = new java.util.HashSet<>();
        for (V leaf : leaves(order.get(s))) {
          // an operand is computed by its own step (a reshape alias too), or written by the
          // step that computes it as a companion; inputs and constants have none
          Integer d = index.get(leaf.computedBy != null ? leaf.computedBy : leaf);
          if (d != null && deps.add(d)) {
            readers.get(d).add(s);
          }
        }
        waiting[s] = deps.size();
      }
      // ready steps by original position: products apart, taken only when nothing else is ready
      java.util.TreeSet<Integer> readyOther = new java.util.TreeSet<>();
      java.util.TreeSet<Integer> readyProducts = new java.util.TreeSet<>();
      for (int s = 0; s < order.size(); s++) {
        if (waiting[s] == 0) {
          (isProduct(order.get(s).op) ? readyProducts : readyOther).add(s);
        }
      }
      List<V> out = new ArrayList<>(order.size());
      while (!readyOther.isEmpty() || !readyProducts.isEmpty()) {
        int pick = !readyOther.isEmpty() ? readyOther.pollFirst() : readyProducts.pollFirst();
        out.add(order.get(pick));
        for (int r : readers.get(pick)) {
          if (--waiting[r] == 0) {
            (isProduct(order.get(r).op) ? readyProducts : readyOther).add(r);
          }
        }
      }
      if (out.size() != order.size()) {
        throw new IllegalStateException("compiler: step dependencies are cyclic");
      }
      return out;
    }

    private static boolean isProduct(org.nde4j.tensor.Op op) {
      return op instanceof MatMul || op instanceof BiasedMatMul || op instanceof MatMulAt;
    }

    /** The value whose buffer {@code v} uses (follows reshape aliases). */
    V root(V v) {
      while (v.op != null && v.op.aliasesInput()) {
        v = vs.get(v.in[0]);
      }
      return v;
    }

    /** A pooled buffer may be reused once no output and no live alias needs it. */
    boolean releasable(V r) {
      if (!pooled.get(r.buffer)) {
        return false;
      }
      for (int o : outs) {
        if (root(vs.get(o)) == r) {
          return false;
        }
      }
      return true;
    }

    int allocate(int size) {
      ArrayDeque<Integer> q = free.get(size);
      if (q != null && !q.isEmpty()) {
        return q.pop();
      }
      return newBuffer(new double[size], true);
    }

    /** External operands of the fused tree rooted at {@code v}, in first-use order. */
    List<V> leaves(V v) {
      List<V> out = new ArrayList<>();
      collectLeaves(v, out);
      return out;
    }

    private void collectLeaves(V v, List<V> out) {
      for (int i : v.in) {
        V p = vs.get(i);
        if (p.fusedInto == v) {
          collectLeaves(p, out);
        } else if (!out.contains(p)) {
          out.add(p);
        }
      }
    }

    List<V> direct(V v) {
      List<V> out = new ArrayList<>();
      for (int i : v.in) {
        out.add(vs.get(i));
      }
      return out;
    }

    Kernel fusedKernel(V v, List<V> leaves, Shape[] leafShapes) {
      List<ElementwiseOp> ops = new ArrayList<>();
      List<int[]> args = new ArrayList<>();
      emit(v, leaves, ops, args);
      ElementwiseOp[] o = ops.toArray(new ElementwiseOp[0]);
      int[][] a = args.toArray(new int[0][]);
      Kernel generated = generateCode ? FusedCodegen.generate(v.shape, leafShapes, o, a) : null;
      return generated != null ? generated : new FusedKernel(v.shape, leafShapes, o, a);
    }

    /** Emits the fused tree in post-order; returns the register holding {@code v}. */
    private int emit(V v, List<V> leaves, List<ElementwiseOp> ops, List<int[]> args) {
      int[] a = new int[v.in.length];
      for (int j = 0; j < a.length; j++) {
        V p = vs.get(v.in[j]);
        a[j] = p.fusedInto == v ? emit(p, leaves, ops, args) : leaves.indexOf(p);
      }
      ops.add((ElementwiseOp) v.op);
      args.add(a);
      return leaves.size() + ops.size() - 1;
    }
  }
}
