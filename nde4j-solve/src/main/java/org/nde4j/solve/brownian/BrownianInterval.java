package org.nde4j.solve.brownian;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.nde4j.random.Key;

/**
 * The Brownian Interval (Kidger, Foster, Li, Lyons, <i>Efficient and accurate gradients for neural
 * SDEs</i>, NeurIPS 2021, §4): an exact Brownian motion held as a binary tree of intervals that
 * grows with the queries. A query {@code [s, t]} splits the leaves containing {@code s} and
 * {@code t} there, drawing each split from the exact Brownian bridge (with the space-time Lévy
 * area when asked, {@link Bridge}) keyed by the node, and sums the nodes that tile {@code [s, t]}.
 * Node values live in a least-recently-used cache; an evicted value is recomputed from its nearest
 * cached ancestor with the same keys, so it comes back identical.
 *
 * <p><b>Skeleton.</b> Leaves are first bisected on a grid of step {@code dt} (given, or else the
 * length of the first query) as a balanced tree over the grid cells, so the tree has depth
 * {@code O(log((t1 − t0)/dt))} and a sequential or reverse sweep of steps near {@code dt} costs
 * O(1) bridge draws per query. Values at grid points do not depend on the order of queries; inside
 * a grid cell the split points are the query points in the order they came (the law is exact
 * either way, as in torchsde's implementation).
 *
 * <p>Memory: the tree keeps one small node per split point ever queried (no values); the cache
 * holds at most {@code cacheSize} value arrays of {@code dim} doubles (twice that with the area).
 * Not thread-safe.
 */
public final class BrownianInterval extends AbstractBrownianMotion {
  private static final long ROOT = 0x5652_4f4f_54L;
  /** torchsde's default cache size. */
  public static final int DEFAULT_CACHE = 45;

  private final boolean withArea;
  private final int cacheSize;
  private final Node root;
  private final LinkedHashMap<Node, Node> cache = new LinkedHashMap<>(64, 0.75f, true);
  private final ArrayDeque<double[]> free = new ArrayDeque<>();
  private final List<Node> tiles = new ArrayList<>();
  private final ArrayDeque<Node> pending = new ArrayDeque<>();
  private double dt;
  private Node last;
  private long splits;
  private long hits;
  private long misses;

  private static final class Node {
    final double a;
    final double b;
    final Key key;
    final Node parent;
    /** Grid cell range [lo, hi) of a skeleton node, or lo = -1 for a split inside a cell. */
    final long lo;
    final long hi;
    Node left;
    Node right;
    double[] w;
    double[] h;

    Node(double a, double b, Key key, Node parent, long lo, long hi) {
      this.a = a;
      this.b = b;
      this.key = key;
      this.parent = parent;
      this.lo = lo;
      this.hi = hi;
    }
  }

  private BrownianInterval(Key key, double t0, double t1, int dim, LevyArea area, double dt,
      int cacheSize) {
    super("BrownianInterval", key, t0, t1, dim, area);
    if (cacheSize < 2) {
      throw new IllegalArgumentException("BrownianInterval: cacheSize must be >= 2, got "
          + cacheSize);
    }
    if (!Double.isNaN(dt) && !(dt > 0 && Double.isFinite(dt))) {
      throw new IllegalArgumentException("BrownianInterval: dt must be finite and > 0, got " + dt);
    }
    this.withArea = area == LevyArea.SPACE_TIME;
    this.cacheSize = cacheSize;
    this.dt = dt;
    this.root = new Node(t0, t1, key, null, 0, Double.isNaN(dt) ? -1 : cells(dt));
    root.w = new double[dim];
    root.h = withArea ? new double[dim] : null;
    Bridge.whole(key.foldIn(ROOT), t1 - t0, dim, root.w, root.h);
    this.last = root;
  }

  /**
   * A Brownian interval with a skeleton grid of step {@code dt} (the step a fixed-step solver
   * will take, or the typical step of an adaptive one).
   *
   * @throws IllegalArgumentException for a bad interval, {@code dim < 1}, {@code dt} not positive,
   *     or {@code cacheSize < 2}
   */
  public static BrownianInterval of(Key key, double t0, double t1, int dim, LevyArea levyArea,
      double dt, int cacheSize) {
    return new BrownianInterval(key, t0, t1, dim, levyArea, dt, cacheSize);
  }

  /** A Brownian interval whose skeleton grid step is the length of the first query. */
  public static BrownianInterval of(Key key, double t0, double t1, int dim, LevyArea levyArea) {
    return new BrownianInterval(key, t0, t1, dim, levyArea, Double.NaN, DEFAULT_CACHE);
  }

  /** A Brownian interval without Lévy area; skeleton step from the first query. */
  public static BrownianInterval of(Key key, double t0, double t1, int dim) {
    return of(key, t0, t1, dim, LevyArea.NONE);
  }

  /** Bridge draws made so far (each produces the values of two sibling nodes). */
  public long splits() {
    return splits;
  }

  /** Node values found in the cache. */
  public long cacheHits() {
    return hits;
  }

  /** Node values that had to be (re)computed. */
  public long cacheMisses() {
    return misses;
  }

  /** The skeleton grid step, or NaN before the first query when none was given. */
  public double gridStep() {
    return dt;
  }

  private long cells(double step) {
    double n = Math.ceil((t1 - t0) / step - 1e-9);
    return (long) Math.max(1, Math.min(n, 1L << 52));
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
    if (Double.isNaN(dt)) {
      dt = t - s;
      long n = cells(dt);
      if (n > 1 && root.left == null) {
        rootSkeleton(n);
      }
    }
    Node start = last;
    while (start.parent != null && !(start.a <= s && t <= start.b)) {
      start = start.parent;
    }
    tiles.clear();
    collect(start, s, t);
    double covered = 0;
    for (int k = 0; k < tiles.size(); k++) {
      Node n = tiles.get(k);
      value(n);
      double len = n.b - n.a;
      if (k == 0) {
        System.arraycopy(n.w, 0, w, 0, dim);
        if (area != null) {
          System.arraycopy(n.h, 0, area, 0, dim);
        }
      } else {
        Bridge.join(dim, covered, len, w, area, n.w, n.h);
      }
      covered += len;
    }
    last = tiles.get(tiles.size() - 1);
  }

  /** Gives the root the skeleton grid (the first query decided the step). */
  private void rootSkeleton(long n) {
    // the root is final; replace its grid range through a fresh skeleton child pair
    splitAtIndex(root, 0, n);
  }

  /** Appends, in time order, the nodes that tile {@code [s, t]} inside {@code node}. */
  private void collect(Node node, double s, double t) {
    while (true) {
      if (s <= node.a && node.b <= t) {
        tiles.add(node);
        return;
      }
      if (node.left == null) {
        split(node, s > node.a ? s : t);
      }
      double m = node.left.b;
      if (t <= m) {
        node = node.left;
      } else if (s >= m) {
        node = node.right;
      } else {
        collect(node.left, s, m);
        node = node.right;
        s = m;
      }
    }
  }

  /** Splits a leaf: on the skeleton grid while it spans several cells, else at {@code x}. */
  private void split(Node node, double x) {
    if (node.lo >= 0 && node.hi - node.lo > 1) {
      splitAtIndex(node, node.lo, node.hi);
      return;
    }
    node.left = new Node(node.a, x, node.key.foldIn(0), node, -1, -1);
    node.right = new Node(x, node.b, node.key.foldIn(1), node, -1, -1);
  }

  private void splitAtIndex(Node node, long lo, long hi) {
    long mid = (lo + hi) >>> 1;
    double x = t0 + mid * dt;
    node.left = new Node(node.a, x, node.key.foldIn(0), node, lo, mid);
    node.right = new Node(x, node.b, node.key.foldIn(1), node, mid, hi);
  }

  /** Makes {@code n.w} (and {@code n.h}) hold the node's values, computing them if evicted. */
  private void value(Node n) {
    if (n.w != null) {
      if (n != root) {
        cache.get(n); // refresh its place in the LRU order
      }
      hits++;
      return;
    }
    misses++;
    pending.clear();
    Node p = n;
    while (p.w == null) {
      pending.push(p);
      p = p.parent;
    }
    // p has values; split downwards to n, filling both children at every level
    while (!pending.isEmpty()) {
      Node c = pending.pop();
      Node parent = c.parent;
      Node l = parent.left;
      Node r = parent.right;
      if (l.w == null || r.w == null) {
        splits++;
        // A cached sibling's arrays are rewritten with the same values; take it out of the cache
        // first, or storing the other sibling could evict it and hand its arrays to the free
        // list while it still holds them (two nodes would then share one array).
        cache.remove(l);
        cache.remove(r);
        double[] lw = l.w != null ? l.w : array();
        double[] rw = r.w != null ? r.w : array();
        double[] lh = withArea ? (l.h != null ? l.h : array()) : null;
        double[] rh = withArea ? (r.h != null ? r.h : array()) : null;
        // the bridge normals go straight into the left part's arrays (no pass through a buffer)
        parent.key.normal(0, lw, 0, dim);
        if (withArea) {
          parent.key.normal(dim, lh, 0, dim);
        }
        Bridge.split(dim, l.b - l.a, r.b - r.a, parent.w, parent.h, lw, lh, lw, lh, rw, rh);
        store(l, lw, lh);
        store(r, rw, rh);
      }
      if (c.parent != null && c.parent != root) {
        cache.get(c.parent);
      }
    }
  }

  private void store(Node n, double[] w, double[] h) {
    n.w = w;
    n.h = h;
    cache.put(n, n);
    while (cache.size() > cacheSize) {
      Iterator<Node> it = cache.keySet().iterator();
      Node old = it.next();
      it.remove();
      free.push(old.w);
      if (old.h != null) {
        free.push(old.h);
      }
      old.w = null;
      old.h = null;
    }
  }

  private double[] array() {
    double[] a = free.poll();
    return a != null ? a : new double[dim];
  }
}
