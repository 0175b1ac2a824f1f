package org.nde4j.compile;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.op.Binary;
import org.nde4j.tensor.op.BinaryFn;
import org.nde4j.tensor.op.Slice;
import org.nde4j.tensor.op.SliceScatter;

/**
 * Rewrites a sum of {@code slice_scatter}s into disjoint contiguous ranges of one axis as one
 * {@code concat} of the pieces (zeros filling the gaps). Reverse mode makes such sums wherever a
 * function slices one flat parameter vector into its weights: each slice's cotangent is scattered
 * into a zero vector of the full length and the vectors are added, one full-length pass per
 * slice; the concat writes each value once. The result is the same bit for bit ({@code x + 0 =
 * x}).
 */
final class ScatterSums {
  private ScatterSums() {}

  /**
   * The concat equal to the sum {@code node} (an {@code add} tree whose leaves are scatters),
   * built from the values {@code v} of the leaves' operands, or null if {@code node} is not such
   * a sum or a leaf's operand has no value yet.
   */
  static Tensor concat(List<Graph.Node> nodes, Graph.Node node, Tensor[] v) {
    if (!isAdd(node)) {
      return null;
    }
    List<Graph.Node> leaves = new ArrayList<>();
    if (!collect(nodes, node, leaves) || leaves.size() < 2) {
      return null;
    }
    Slice first = ((SliceScatter) leaves.get(0).op).slice();
    int axis = first.axis();
    leaves.sort(java.util.Comparator.comparingInt(l -> ((SliceScatter) l.op).slice().begin()));
    int at = 0;
    List<Tensor> parts = new ArrayList<>();
    Shape full = node.shape;
    for (Graph.Node leaf : leaves) {
      Slice s = ((SliceScatter) leaf.op).slice();
      Tensor piece = v[leaf.in[0]];
      if (s.axis() != axis || s.step() != 1 || s.begin() < at || piece == null
          || !leaf.shape.equals(full)) {
        return null;
      }
      if (s.begin() > at) {
        parts.add(Tensor.zeros(full.with(axis, s.begin() - at)));
      }
      parts.add(piece);
      at = s.begin() + s.count();
    }
    if (at < full.dim(axis)) {
      parts.add(Tensor.zeros(full.with(axis, full.dim(axis) - at)));
    }
    return Tensor.concat(axis, parts.toArray(new Tensor[0]));
  }

  private static boolean isAdd(Graph.Node n) {
    return n.op instanceof Binary b && b.fn() == BinaryFn.ADD;
  }

  /** Collects the scatter leaves of an add tree; false if another value is summed. */
  private static boolean collect(List<Graph.Node> nodes, Graph.Node n, List<Graph.Node> leaves) {
    if (n.op instanceof SliceScatter) {
      leaves.add(n);
      return true;
    }
    if (!isAdd(n) || !nodes.get(n.in[0]).shape.equals(n.shape)
        || !nodes.get(n.in[1]).shape.equals(n.shape)) {
      return false;
    }
    return collect(nodes, nodes.get(n.in[0]), leaves) && collect(nodes, nodes.get(n.in[1]), leaves);
  }
}
