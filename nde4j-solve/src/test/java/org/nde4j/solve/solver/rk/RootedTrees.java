package org.nde4j.solve.solver.rk;

import java.util.ArrayList;
import java.util.List;

/**
 * All rooted trees up to a given order (Butcher, <i>Numerical Methods for ODEs</i>, §30), each
 * with its order ρ(t), density γ(t) and children, and their elementary weights Φ_i(t) for a
 * Runge–Kutta matrix: Φ_i(•) = 1, Φ_i([t_1 … t_m]) = Π_k (A Φ(t_k))_i. A tree is a multiset of
 * earlier trees (its children), enumerated with nondecreasing child indices so each tree appears
 * once.
 */
final class RootedTrees {
  private final List<int[]> children = new ArrayList<>();
  private final List<Integer> order = new ArrayList<>();
  private final List<Double> gamma = new ArrayList<>();

  private RootedTrees(int maxOrder) {
    children.add(new int[0]);
    order.add(1);
    gamma.add(1.0);
    for (int n = 2; n <= maxOrder; n++) {
      int known = children.size();
      collect(n - 1, 0, known, new ArrayList<>(), n);
    }
  }

  /** Trees of orders 1 … maxOrder (counts 1, 1, 2, 4, 9, 20, 48, 115, 286, …). */
  static RootedTrees upTo(int maxOrder) {
    return new RootedTrees(maxOrder);
  }

  private void collect(int remaining, int from, int known, List<Integer> acc, int n) {
    if (remaining == 0) {
      int[] ch = acc.stream().mapToInt(Integer::intValue).toArray();
      double g = n;
      for (int c : ch) {
        g *= gamma.get(c);
      }
      children.add(ch);
      order.add(n);
      gamma.add(g);
      return;
    }
    for (int t = from; t < known; t++) {
      if (order.get(t) <= remaining) {
        acc.add(t);
        collect(remaining - order.get(t), t, known, acc, n);
        acc.remove(acc.size() - 1);
      }
    }
  }

  int size() {
    return children.size();
  }

  int order(int t) {
    return order.get(t);
  }

  double gamma(int t) {
    return gamma.get(t);
  }

  /** {@code phi[t][i]} for every tree and stage of the strictly lower-triangular {@code a}. */
  double[][] elementaryWeights(double[][] a) {
    int s = a.length;
    double[][] phi = new double[size()][];
    for (int t = 0; t < size(); t++) {
      double[] v = new double[s];
      java.util.Arrays.fill(v, 1);
      for (int c : children.get(t)) {
        double[] p = phi[c];
        for (int i = 0; i < s; i++) {
          double acc = 0;
          for (int j = 0; j < i; j++) {
            acc += a[i][j] * p[j];
          }
          v[i] *= acc;
        }
      }
      phi[t] = v;
    }
    return phi;
  }

  /** The largest |Σ_i w_i Φ_i(t) − scale^ρ/γ(t)| over the trees of order {@code ρ}. */
  double residual(double[] w, double[][] phi, int rho, double scale) {
    double worst = 0;
    for (int t = 0; t < size(); t++) {
      if (order(t) != rho) {
        continue;
      }
      double acc = 0;
      for (int i = 0; i < w.length; i++) {
        acc += w[i] * phi[t][i];
      }
      worst = Math.max(worst, Math.abs(acc - Math.pow(scale, rho) / gamma(t)));
    }
    return worst;
  }
}
