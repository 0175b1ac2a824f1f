package org.nde4j.solve.solver.implicit;

import java.util.ArrayList;
import java.util.List;

/**
 * Order conditions of (additive) Runge–Kutta methods through rooted trees whose non-root vertices
 * carry one of {@code m} colours, one per coefficient matrix (Kennedy &amp; Carpenter 2003, §2.1;
 * with one colour these are Butcher's trees). For a tree {@code t = [t_1 … t_k]} whose subtrees
 * hang from the root by colours {@code σ_j}, {@code Φ(t) = Π_j A^{σ_j} Φ(t_j)} and the condition
 * is {@code bᵀΦ(t) = 1/γ(t)}.
 */
final class ColoredTrees {
  private final List<double[]> plantedPhi = new ArrayList<>();
  private final List<Integer> plantedOrder = new ArrayList<>();
  private final List<Double> plantedGamma = new ArrayList<>();
  private final List<List<double[]>> phi = new ArrayList<>();
  private final List<List<Double>> gamma = new ArrayList<>();

  /** Trees up to {@code maxOrder} for the given matrices (each s × s). */
  ColoredTrees(double[][][] matrices, int maxOrder) {
    int s = matrices[0].length;
    phi.add(List.of());
    gamma.add(List.of());
    for (int n = 1; n <= maxOrder; n++) {
      List<double[]> ph = new ArrayList<>();
      List<Double> ga = new ArrayList<>();
      double[] ones = new double[s];
      java.util.Arrays.fill(ones, 1);
      collect(n, n - 1, 0, ones, 1, ph, ga);
      phi.add(ph);
      gamma.add(ga);
      for (int t = 0; t < ph.size(); t++) {
        for (double[][] a : matrices) {
          double[] v = new double[s];
          for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
              v[i] += a[i][j] * ph.get(t)[j];
            }
          }
          plantedPhi.add(v);
          plantedOrder.add(n);
          plantedGamma.add(ga.get(t));
        }
      }
    }
  }

  private void collect(int n, int remaining, int from, double[] acc, double g, List<double[]> ph,
      List<Double> ga) {
    if (remaining == 0) {
      ph.add(acc);
      ga.add(n * g);
      return;
    }
    for (int k = from; k < plantedPhi.size(); k++) {
      int o = plantedOrder.get(k);
      if (o <= remaining) {
        double[] next = acc.clone();
        double[] p = plantedPhi.get(k);
        for (int i = 0; i < next.length; i++) {
          next[i] *= p[i];
        }
        collect(n, remaining - o, k, next, g * plantedGamma.get(k), ph, ga);
      }
    }
  }

  /** Number of trees of order {@code n}. */
  int count(int n) {
    return phi.get(n).size();
  }

  /** {@code max |bᵀΦ(t) − 1/γ(t)|} over the trees of order {@code n}. */
  double residual(double[] b, int n) {
    double worst = 0;
    for (int t = 0; t < phi.get(n).size(); t++) {
      double[] p = phi.get(n).get(t);
      double sum = 0;
      for (int i = 0; i < b.length; i++) {
        sum += b[i] * p[i];
      }
      worst = Math.max(worst, Math.abs(sum - 1 / gamma.get(n).get(t)));
    }
    return worst;
  }
}
