package org.nde4j.solve.brownian;

import java.util.Arrays;
import org.nde4j.random.Key;

/**
 * A virtual Brownian tree (Li, Wong, Chen, Duvenaud, <i>Scalable gradients for stochastic
 * differential equations</i>, AISTATS 2020; Kidger, Foster, Li, Lyons, <i>Efficient and accurate
 * gradients for neural SDEs</i>, NeurIPS 2021): {@code W(x)} is found by bisecting {@code [t0, t1]}
 * from the root, drawing each midpoint from the exact Brownian bridge (with the space-time Lévy
 * area when asked, {@link Bridge}) with randomness keyed by the node, until the node is no longer
 * than the tolerance; inside that leaf, one more bridge draw (keyed by the leaf) gives the value at
 * {@code x}.
 *
 * <p>Values are a function of the key and the query time alone: any query order, any repetition,
 * any thread gives the same numbers, and no memory grows with the number of queries. The law is
 * exact at the dyadic points of the leaf level; within a leaf of length {@code ≤ tol} the values of
 * different points share one draw, so increments over intervals shorter than {@code tol} are not
 * Brownian — choose {@code tol} below the smallest step a solver will take. A query costs one
 * bridge draw per level not shared with the previous query's descent (cached), so sequential
 * queries cost O(1) draws on average and a random query {@code log2((t1 − t0)/tol)}.
 *
 * <p>Not thread-safe (the descent cache is per instance); values do not depend on it.
 */
public final class VirtualBrownianTree extends AbstractBrownianMotion {
  private static final long ROOT = 0x5652_4f4f_54L; // fold-in tag of the root's own draw

  private final int depth;
  private final double[] length;
  // The descent cache: level d holds node index[d] = k (node [t0 + k len_d, t0 + (k+1) len_d]),
  // its key, W at its left end (wa), the running integral ∫ W from t0 to its left end (ia), and
  // its own increment and area.
  private final long[] index;
  private final Key[] keys;
  private final double[][] wa;
  private final double[][] ia;
  private final double[][] wab;
  private final double[][] hab;
  private final double[] lw;
  private final double[] lh;
  private final double[] rw;
  private final double[] rh;
  // the last two points evaluated: x, W(x), I(x)
  private final double[] memoX = {Double.NaN, Double.NaN};
  private final double[][] memoW;
  private final double[][] memoI;
  private int memoNext;
  private long splits;

  private VirtualBrownianTree(Key key, double t0, double t1, int dim, double tol, LevyArea area) {
    super("VirtualBrownianTree", key, t0, t1, dim, area);
    if (!(tol > 0) || !Double.isFinite(tol)) {
      throw new IllegalArgumentException("VirtualBrownianTree: tolerance must be finite and > 0, "
          + "got " + tol);
    }
    double span = t1 - t0;
    this.depth = (int) Math.max(0, Math.min(60, Math.ceil(Math.log(span / tol) / Math.log(2))));
    this.length = new double[depth + 1];
    for (int d = 0; d <= depth; d++) {
      length[d] = Math.scalb(span, -d);
    }
    boolean withArea = area == LevyArea.SPACE_TIME;
    this.index = new long[depth + 1];
    this.keys = new Key[depth + 1];
    this.wa = new double[depth + 1][dim];
    this.ia = withArea ? new double[depth + 1][dim] : null;
    this.wab = new double[depth + 1][dim];
    this.hab = withArea ? new double[depth + 1][dim] : null;
    this.lw = new double[dim];
    this.rw = new double[dim];
    this.lh = withArea ? new double[dim] : null;
    this.rh = withArea ? new double[dim] : null;
    this.memoW = new double[2][dim];
    this.memoI = new double[2][dim];
    Arrays.fill(index, -1);
    index[0] = 0;
    keys[0] = key;
    Bridge.whole(key.foldIn(ROOT), span, dim, wab[0], withArea ? hab[0] : null);
  }

  /**
   * A virtual Brownian tree on {@code [t0, t1]} with {@code dim} channels, leaves no longer than
   * {@code tol}.
   *
   * @throws IllegalArgumentException if {@code t0 < t1} are not finite, {@code dim < 1} or
   *     {@code tol} is not positive and finite
   */
  public static VirtualBrownianTree of(Key key, double t0, double t1, int dim, double tol,
      LevyArea levyArea) {
    return new VirtualBrownianTree(key, t0, t1, dim, tol, levyArea);
  }

  /** As {@link #of(Key, double, double, int, double, LevyArea)} without Lévy area. */
  public static VirtualBrownianTree of(Key key, double t0, double t1, int dim, double tol) {
    return of(key, t0, t1, dim, tol, LevyArea.NONE);
  }

  /** The leaf length, {@code (t1 − t0) / 2^depth ≤ tol}. */
  public double leafLength() {
    return length[depth];
  }

  /** Number of bridge draws made so far (the cost measure of queries). */
  public long splits() {
    return splits;
  }

  @Override
  void query(double s, double t, double[] w, double[] area) {
    if (s == t) {
      Arrays.fill(w, 0);
      if (area != null) {
        Arrays.fill(area, 0);
      }
      return;
    }
    // two memo slots: evaluating t (≠ s) never overwrites the slot s was just put in
    int ms = point(s);
    double[] ws = memoW[ms];
    double[] is = memoI[ms];
    int mt = point(t);
    double[] wt = memoW[mt];
    double[] it = memoI[mt];
    double h = t - s;
    for (int i = 0; i < dim; i++) {
      w[i] = wt[i] - ws[i];
    }
    if (area != null) {
      for (int i = 0; i < dim; i++) {
        area[i] = (it[i] - is[i] - h * ws[i]) / h - 0.5 * w[i];
      }
    }
  }

  /** Evaluates W(x) (and I(x)) into a memo slot, returning the slot. */
  private int point(double x) {
    for (int m = 0; m < 2; m++) {
      if (memoX[m] == x) {
        memoNext = 1 - m; // keep this one, overwrite the other next
        return m;
      }
    }
    int slot = memoNext;
    memoNext = 1 - slot;
    memoX[slot] = Double.NaN;
    evaluatePoint(x, memoW[slot], memoI[slot]);
    memoX[slot] = x;
    return slot;
  }

  private void evaluatePoint(double x, double[] wx, double[] ix) {
    boolean withArea = hab != null;
    double span = t1 - t0;
    int d = 0;
    for (; d < depth; d++) {
      long k = index[d];
      double mid = t0 + (k + 0.5) * length[d];
      int bit = x >= mid ? 1 : 0;
      long child = 2 * k + bit;
      if (index[d + 1] == child) {
        continue;
      }
      // split node d at its midpoint; keep the child on x's side
      draw(keys[d]);
      double half = length[d + 1];
      Bridge.split(dim, half, half, wab[d], withArea ? hab[d] : null, lw, lh, lw, lh, rw, rh);
      double[] cw = bit == 0 ? lw : rw;
      double[] w0 = wa[d + 1];
      double[] wParent = wa[d];
      for (int i = 0; i < dim; i++) {
        w0[i] = bit == 0 ? wParent[i] : wParent[i] + lw[i];
      }
      System.arraycopy(cw, 0, wab[d + 1], 0, dim);
      if (withArea) {
        double[] i0 = ia[d + 1];
        double[] iParent = ia[d];
        for (int i = 0; i < dim; i++) {
          i0[i] = bit == 0 ? iParent[i]
              : iParent[i] + half * wParent[i] + half * (lh[i] + 0.5 * lw[i]);
        }
        System.arraycopy(bit == 0 ? lh : rh, 0, hab[d + 1], 0, dim);
      }
      index[d + 1] = child;
      keys[d + 1] = keys[d].foldIn(bit);
      for (int e = d + 2; e <= depth; e++) {
        index[e] = -1;
      }
    }
    // inside the leaf [a, b]: one bridge draw keyed by the leaf, split at x
    double a = t0 + index[depth] * length[depth];
    double h1 = Math.max(0, x - a);
    double h2 = Math.max(0, length[depth] - h1);
    double[] w0 = wa[depth];
    if (h1 == 0 || x >= t1) {
      double[] add = h1 == 0 ? null : wab[depth];
      for (int i = 0; i < dim; i++) {
        wx[i] = add == null ? w0[i] : w0[i] + add[i];
      }
      if (withArea) {
        for (int i = 0; i < dim; i++) {
          ix[i] = add == null ? ia[depth][i]
              : ia[depth][i] + h1 * w0[i] + h1 * (hab[depth][i] + 0.5 * add[i]);
        }
      }
      return;
    }
    if (h2 == 0) {
      h2 = Math.ulp(span);
    }
    draw(keys[depth]);
    Bridge.split(dim, h1, h2, wab[depth], withArea ? hab[depth] : null, lw, lh, lw, lh, rw, rh);
    for (int i = 0; i < dim; i++) {
      wx[i] = w0[i] + lw[i];
    }
    if (withArea) {
      for (int i = 0; i < dim; i++) {
        ix[i] = ia[depth][i] + h1 * w0[i] + h1 * (lh[i] + 0.5 * lw[i]);
      }
    }
  }

  /** The bridge normals of node key {@code k}: increment ones into lw, area ones into lh. */
  private void draw(Key k) {
    k.normal(0, lw, 0, dim);
    if (hab != null) {
      k.normal(dim, lh, 0, dim);
    }
    splits++;
  }
}
