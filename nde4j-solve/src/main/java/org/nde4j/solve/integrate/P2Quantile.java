package org.nde4j.solve.integrate;

/**
 * Streaming estimate of one quantile in O(1) memory: the P² algorithm of R. Jain and I. Chlamtac
 * (<i>The P² algorithm for dynamic calculation of quantiles and histograms without storing
 * observations</i>, Commun. ACM 28(10), 1985). Five markers track the minimum, the p/2, p and
 * (1+p)/2 quantiles and the maximum; each observation moves the markers' positions and adjusts
 * their heights by piecewise-parabolic prediction. Exact for up to five observations.
 */
final class P2Quantile {
  private final double p;
  private final double[] q = new double[5];
  private final double[] n = new double[5];
  private final double[] desired = new double[5];
  private final double[] step;
  private int count;

  P2Quantile(double p) {
    this.p = p;
    this.step = new double[] {0, p / 2, p, (1 + p) / 2, 1};
  }

  void add(double x) {
    if (count < 5) {
      // insertion sort of the first five observations
      int i = count++;
      while (i > 0 && q[i - 1] > x) {
        q[i] = q[i - 1];
        i--;
      }
      q[i] = x;
      if (count == 5) {
        for (int j = 0; j < 5; j++) {
          n[j] = j;
          desired[j] = 4 * step[j];
        }
      }
      return;
    }
    int k;
    if (x < q[0]) {
      q[0] = x;
      k = 0;
    } else if (x >= q[4]) {
      q[4] = Math.max(q[4], x);
      k = 3;
    } else {
      k = 0;
      while (k < 3 && x >= q[k + 1]) {
        k++;
      }
    }
    for (int j = k + 1; j < 5; j++) {
      n[j]++;
    }
    for (int j = 0; j < 5; j++) {
      desired[j] += step[j];
    }
    count++;
    for (int j = 1; j <= 3; j++) {
      double d = desired[j] - n[j];
      if ((d >= 1 && n[j + 1] - n[j] > 1) || (d <= -1 && n[j - 1] - n[j] < -1)) {
        int s = d >= 0 ? 1 : -1;
        double parabolic = q[j] + s / (n[j + 1] - n[j - 1])
            * ((n[j] - n[j - 1] + s) * (q[j + 1] - q[j]) / (n[j + 1] - n[j])
                + (n[j + 1] - n[j] - s) * (q[j] - q[j - 1]) / (n[j] - n[j - 1]));
        if (q[j - 1] < parabolic && parabolic < q[j + 1]) {
          q[j] = parabolic;
        } else {
          q[j] += s * (q[j + s] - q[j]) / (n[j + s] - n[j]);
        }
        n[j] += s;
      }
    }
  }

  /** The estimate; for five or fewer observations the exact (linearly interpolated) quantile. */
  double value() {
    if (count == 0) {
      return Double.NaN;
    }
    if (count <= 5) {
      return Quantiles.linear(q, count, p);
    }
    return q[2];
  }
}
