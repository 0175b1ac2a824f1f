package org.nde4j.solve.brownian;

import org.nde4j.random.Key;

/**
 * Exact conditional sampling of Brownian motion on a subinterval split (the Brownian bridge, with
 * and without the space-time Lévy area), and the rule that joins two adjacent intervals.
 *
 * <p>Per channel, an interval {@code [a, b]} of length {@code h} carries its increment {@code W}
 * (variance {@code h}) and space-time Lévy area {@code H} (variance {@code h/12}, independent of
 * {@code W}). Splitting at {@code a + h1} ({@code h2 = h − h1}) into {@code (W1, H1)} and
 * {@code (W2, H2)}, whose four values are independent a priori:
 * <pre>
 *   W = W1 + W2,     H = (h1 H1 + h2 H2 + (h2 W1 − h1 W2)/2) / h       (join)
 * </pre>
 * (from {@code ∫_a^b (W(r) − W(a)) dr = h1 (H1 + W1/2) + h2 W1 + h2 (H2 + W2/2)}). Gaussian
 * conditioning on {@code (W, H)} gives, sampled in two stages with independent standard normals
 * {@code z1, z2}:
 * <pre>
 *   W1 = (h1/h) W + 6 h1 h2 H / h² + sqrt((h1 h2 / h)(1 − 3 h1 h2 / h²)) z1,   W2 = W − W1,
 *   c  = h H − (h2 W1 − h1 W2)/2 = h1 H1 + h2 H2,
 *   H1 = h1² c / (h1³ + h2³) + sqrt((h1/12) h2³ / (h1³ + h2³)) z2,           H2 = (c − h1 H1)/h2.
 * </pre>
 * At the midpoint this is {@code W1 = W/2 + 3H/2 + (√h/4) z1}, the Brownian arch of J. Foster's
 * thesis (<i>Numerical approximations for stochastic differential equations</i>, Oxford 2020,
 * §4). Without the area, {@code W1 = (h1/h) W + sqrt(h1 h2 / h) z1}, Lévy's construction.
 */
final class Bridge {
  private Bridge() {}

  /**
   * The values of a whole interval of length {@code h} from the normals of {@code key}: increment
   * {@code sqrt(h) z_i} from elements {@code 0 .. dim - 1}, and when {@code area} is not
   * {@code null} space-time area {@code sqrt(h/12) z_(dim + i)} from elements
   * {@code dim .. 2 dim - 1}.
   */
  static void whole(Key key, double h, int dim, double[] w, double[] area) {
    double s = Math.sqrt(h);
    key.normal(0, w, 0, dim);
    for (int i = 0; i < dim; i++) {
      w[i] *= s;
    }
    if (area != null) {
      key.normal(dim, area, 0, dim);
      double sa = s / Math.sqrt(12);
      for (int i = 0; i < dim; i++) {
        area[i] *= sa;
      }
    }
  }

  /**
   * Splits the increment {@code w} (and area {@code area}, or {@code null}) of an interval of
   * length {@code h1 + h2} at {@code h1}; {@code zw} holds {@code dim} standard normals for the
   * increment and {@code zh} (read only when the area is split) {@code dim} more for the area.
   * Writes the left and right parts. {@code zw} may be {@code leftW} and {@code zh} may be
   * {@code leftH} (the normals are drawn straight into the left part's arrays: element {@code i}
   * is read before it is written); no other output may alias an input.
   */
  static void split(int dim, double h1, double h2, double[] w, double[] area, double[] zw,
      double[] zh, double[] leftW, double[] leftH, double[] rightW, double[] rightH) {
    double h = h1 + h2;
    if (area == null) {
      double a = h1 / h;
      double s = Math.sqrt(h1 * h2 / h);
      for (int i = 0; i < dim; i++) {
        double w1 = a * w[i] + s * zw[i];
        leftW[i] = w1;
        rightW[i] = w[i] - w1;
      }
      return;
    }
    double a = h1 / h;
    double b = 6 * h1 * h2 / (h * h);
    double s1 = Math.sqrt(Math.max(0, (h1 * h2 / h) * (1 - 3 * h1 * h2 / (h * h))));
    double cubes = h1 * h1 * h1 + h2 * h2 * h2;
    double c1 = h1 * h1 / cubes;
    double s2 = Math.sqrt(h1 / 12 * (h2 * h2 * h2) / cubes);
    for (int i = 0; i < dim; i++) {
      double w1 = a * w[i] + b * area[i] + s1 * zw[i];
      double w2 = w[i] - w1;
      double c = h * area[i] - 0.5 * (h2 * w1 - h1 * w2);
      double a1 = c1 * c + s2 * zh[i];
      leftW[i] = w1;
      rightW[i] = w2;
      leftH[i] = a1;
      rightH[i] = (c - h1 * a1) / h2;
    }
  }

  /**
   * Joins adjacent intervals of lengths {@code h1} then {@code h2}: {@code w += w2} and, when
   * {@code area} is not {@code null}, {@code area} becomes the joined area (see the class
   * comment). {@code (w, area)} hold the left part on entry.
   */
  static void join(int dim, double h1, double h2, double[] w, double[] area, double[] w2,
      double[] area2) {
    if (area != null) {
      double h = h1 + h2;
      for (int i = 0; i < dim; i++) {
        area[i] = (h1 * area[i] + h2 * area2[i] + 0.5 * (h2 * w[i] - h1 * w2[i])) / h;
      }
    }
    for (int i = 0; i < dim; i++) {
      w[i] += w2[i];
    }
  }
}
