package org.nde4j.learn.train;

import org.nde4j.learn.optim.Adam;
import org.nde4j.learn.optim.Optimizer;
import org.nde4j.learn.optim.Schedule;
import org.nde4j.random.Key;

/**
 * A small deterministic problem for the trainer's tests: linear regression {@code y = X w + b}
 * on 64 rows of 3 features, mini-batches of 8 rows drawn from the iteration's key, mean squared
 * error with its closed-form gradient; validation on 16 other rows.
 */
final class Regression {
  static final int ROWS = 64;
  static final int FEATURES = 3;
  static final int PARAMS = FEATURES + 1;
  static final int BATCH = 8;

  final double[][] x = new double[ROWS][FEATURES];
  final double[] y = new double[ROWS];
  final double[][] xVal = new double[16][FEATURES];
  final double[] yVal = new double[16];

  Regression() {
    double[] w = {1.5, -2.0, 0.5};
    Key data = Key.of(42);
    for (int r = 0; r < ROWS + 16; r++) {
      double[] row = r < ROWS ? x[r] : xVal[r - ROWS];
      double target = 0.3;
      for (int f = 0; f < FEATURES; f++) {
        row[f] = data.normalAt(r * FEATURES + f);
        target += w[f] * row[f];
      }
      target += 0.1 * data.foldIn(1).normalAt(r);
      if (r < ROWS) {
        y[r] = target;
      } else {
        yVal[r - ROWS] = target;
      }
    }
  }

  /** The rows of a batch: {@code BATCH} indices drawn from the key. */
  static int[] sample(Key key) {
    int[] rows = new int[BATCH];
    for (int j = 0; j < BATCH; j++) {
      rows[j] = (int) Math.floor(key.uniformAt(j) * ROWS);
    }
    return rows;
  }

  double loss(double[] theta, int[] rows, double[] grad) {
    java.util.Arrays.fill(grad, 0);
    double sum = 0;
    for (int r : rows) {
      double e = predict(theta, x[r]) - y[r];
      sum += e * e;
      for (int f = 0; f < FEATURES; f++) {
        grad[f] += 2 * e * x[r][f] / rows.length;
      }
      grad[FEATURES] += 2 * e / rows.length;
    }
    return sum / rows.length;
  }

  double validation(double[] theta) {
    double sum = 0;
    for (int r = 0; r < yVal.length; r++) {
      double e = predict(theta, xVal[r]) - yVal[r];
      sum += e * e;
    }
    return sum / yVal.length;
  }

  private static double predict(double[] theta, double[] row) {
    double p = theta[FEATURES];
    for (int f = 0; f < FEATURES; f++) {
      p += theta[f] * row[f];
    }
    return p;
  }

  static Optimizer adam() {
    return Adam.builder().schedule(Schedule.cosine(0.2, 5, 60, 1e-3)).build(PARAMS);
  }

  static double[] start() {
    return new double[] {0.1, 0.2, -0.1, 0.0};
  }
}
