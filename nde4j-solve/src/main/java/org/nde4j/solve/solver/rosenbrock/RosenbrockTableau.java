package org.nde4j.solve.solver.rosenbrock;

/**
 * The coefficients of an {@code s}-stage Rosenbrock (ROW) method in the transformed form of
 * Hairer &amp; Wanner (<i>Solving ODEs II</i>, 2nd ed., Springer 1996, §IV.7, eq. (7.25)–(7.27);
 * doi:10.1007/978-3-642-05221-7) that needs no matrix–vector products:
 *
 * <pre>
 *   (I/(γh) − J) u_i = f(t + α_i h, y0 + Σ_{j&lt;i} a_ij u_j) + Σ_{j&lt;i} (c_ij/h) u_j + d_i h ∂f/∂t
 *   y1 = y0 + Σ b_i u_i,    ŷ1 = y0 + Σ b̂_i u_i   (embedded),
 *   y(t0 + θh) = y0 + θ (y1 − y0) + θ(1 − θ) Σ_r θ^r K_r,   K_r = Σ_i H_ri u_i   (dense output).
 * </pre>
 *
 * <p>In terms of the classical coefficients (α_ij, γ_ij) with {@code Γ = (γ_ij)} lower triangular
 * and {@code γ_ii = γ}: {@code (a_ij) = (α_ij) Γ⁻¹}, {@code (c_ij) = diag(1/γ) − Γ⁻¹}, {@code
 * b = b_classical Γ⁻¹}, {@code α_i = Σ_j α_ij} (the nodes) and {@code d_i = γ_i = Σ_j γ_ij}
 * ({@link #fromClassical} does this transformation). Immutable; rows are jagged ({@code a[i]} and
 * {@code c[i]} hold {@code i} values).
 */
public final class RosenbrockTableau {
  private final double gamma;
  private final double[][] a;
  private final double[][] c;
  private final double[] nodes;
  private final double[] d;
  private final double[] b;
  private final double[] bHat;
  private final double[][] dense;

  private RosenbrockTableau(double gamma, double[][] a, double[][] c, double[] nodes, double[] d,
      double[] b, double[] bHat, double[][] dense) {
    this.gamma = gamma;
    this.a = a;
    this.c = c;
    this.nodes = nodes;
    this.d = d;
    this.b = b;
    this.bHat = bHat;
    this.dense = dense;
  }

  /**
   * A tableau in the transformed form (as {@code rodas.f} and OrdinaryDiffEq print them).
   *
   * @param gamma the diagonal γ &gt; 0
   * @param a stage arguments, jagged lower triangular ({@code a[i].length == i})
   * @param c the {@code c_ij/h} coefficients, same shape as {@code a}
   * @param nodes α_i, the stage times as fractions of the step
   * @param d γ_i, the weights of {@code h ∂f/∂t}
   * @param b solution weights on the {@code u_i}
   * @param bHat embedded-solution weights on the {@code u_i}
   * @param dense the rows {@code H_r} of the dense output (each of length s); may be empty
   * @throws IllegalArgumentException on a shape mismatch, a non-finite entry, γ ≤ 0, or nodes and
   *     d that disagree with the row sums of the classical coefficients by more than 1e-9 (a typo)
   */
  public static RosenbrockTableau of(double gamma, double[][] a, double[][] c, double[] nodes,
      double[] d, double[] b, double[] bHat, double[][] dense) {
    int s = b.length;
    if (!(gamma > 0) || !Double.isFinite(gamma)) {
      throw new IllegalArgumentException("Rosenbrock tableau: γ must be positive, got " + gamma);
    }
    if (a.length != s || c.length != s || nodes.length != s || d.length != s
        || bHat.length != s) {
      throw new IllegalArgumentException("Rosenbrock tableau: a, c, nodes, d, b, b̂ must all have "
          + s + " stages");
    }
    double[][] ac = new double[s][];
    double[][] cc = new double[s][];
    for (int i = 0; i < s; i++) {
      if (a[i].length != i || c[i].length != i) {
        throw new IllegalArgumentException("Rosenbrock tableau: row " + i + " of a and c must hold "
            + i + " values, got " + a[i].length + " and " + c[i].length);
      }
      ac[i] = finite(a[i].clone(), "a");
      cc[i] = finite(c[i].clone(), "c");
    }
    double[][] h = new double[dense.length][];
    for (int r = 0; r < dense.length; r++) {
      if (dense[r].length != s) {
        throw new IllegalArgumentException("Rosenbrock tableau: dense row " + r + " must hold " + s
            + " values, got " + dense[r].length);
      }
      h[r] = finite(dense[r].clone(), "dense");
    }
    RosenbrockTableau t = new RosenbrockTableau(gamma, ac, cc, finite(nodes.clone(), "nodes"),
        finite(d.clone(), "d"), finite(b.clone(), "b"), finite(bHat.clone(), "b̂"), h);
    double[][] g = t.classicalGamma();
    double[][] alpha = t.classicalAlpha();
    for (int i = 0; i < s; i++) {
      double rowAlpha = 0;
      double rowGamma = 0;
      for (int j = 0; j < s; j++) {
        rowAlpha += alpha[i][j];
        rowGamma += g[i][j];
      }
      if (Math.abs(rowAlpha - nodes[i]) > 1e-9 * Math.max(1, Math.abs(nodes[i]))
          || Math.abs(rowGamma - d[i]) > 1e-9 * Math.max(1, Math.abs(d[i]))) {
        throw new IllegalArgumentException("Rosenbrock tableau: stage " + i + " has node "
            + nodes[i] + " and d " + d[i] + ", but the coefficients give " + rowAlpha + " and "
            + rowGamma);
      }
    }
    return t;
  }

  /**
   * A tableau from the classical coefficients of Hairer &amp; Wanner (7.4): {@code (I − γ_ii hJ)
   * k_i = h f(t + α_i h, y0 + Σ α_ij k_j) + hJ Σ_{j&lt;i} γ_ij k_j + γ_i h² ∂f/∂t}, {@code y1 = y0
   * + Σ b_i k_i}; the dense rows are given on the {@code k_i} too. Transformed as described above.
   *
   * @param alpha strictly lower triangular, jagged
   * @param gammaMatrix lower triangular including the diagonal γ, jagged ({@code i + 1} values)
   */
  public static RosenbrockTableau fromClassical(double[][] alpha, double[][] gammaMatrix,
      double[] b, double[] bHat, double[][] dense) {
    int s = b.length;
    double gamma = gammaMatrix[0][0];
    double[][] g = new double[s][s];
    for (int i = 0; i < s; i++) {
      if (gammaMatrix[i].length != i + 1 || gammaMatrix[i][i] != gamma) {
        throw new IllegalArgumentException("Rosenbrock tableau: Γ row " + i + " must hold " + (i + 1)
            + " values ending in γ = " + gamma);
      }
      System.arraycopy(gammaMatrix[i], 0, g[i], 0, i + 1);
    }
    double[][] gi = lowerInverse(g);
    double[][] a = new double[s][];
    double[][] c = new double[s][];
    double[] nodes = new double[s];
    double[] d = new double[s];
    for (int i = 0; i < s; i++) {
      a[i] = new double[i];
      c[i] = new double[i];
      for (int j = 0; j < i; j++) {
        double sum = 0;
        for (int k = j; k < i; k++) {
          sum += alpha[i][k] * gi[k][j];
        }
        a[i][j] = sum;
        c[i][j] = -gi[i][j];
      }
      for (int j = 0; j < i; j++) {
        nodes[i] += alpha[i][j];
      }
      for (int j = 0; j <= i; j++) {
        d[i] += g[i][j];
      }
    }
    double[][] h = new double[dense.length][];
    for (int r = 0; r < dense.length; r++) {
      h[r] = timesInverse(dense[r], gi);
    }
    return of(gamma, a, c, nodes, d, timesInverse(b, gi), timesInverse(bHat, gi), h);
  }

  private static double[] timesInverse(double[] row, double[][] gi) {
    int s = row.length;
    double[] out = new double[s];
    for (int j = 0; j < s; j++) {
      double sum = 0;
      for (int k = j; k < s; k++) {
        sum += row[k] * gi[k][j];
      }
      out[j] = sum;
    }
    return out;
  }

  /** Inverse of a lower-triangular matrix by forward substitution. */
  private static double[][] lowerInverse(double[][] l) {
    int s = l.length;
    double[][] inv = new double[s][s];
    for (int j = 0; j < s; j++) {
      inv[j][j] = 1 / l[j][j];
      for (int i = j + 1; i < s; i++) {
        double sum = 0;
        for (int k = j; k < i; k++) {
          sum += l[i][k] * inv[k][j];
        }
        inv[i][j] = -sum / l[i][i];
      }
    }
    return inv;
  }

  private static double[] finite(double[] v, String what) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("Rosenbrock tableau: non-finite entry in " + what);
      }
    }
    return v;
  }

  /** Number of stages s. */
  public int stages() {
    return b.length;
  }

  /** The diagonal γ of Γ. */
  public double gamma() {
    return gamma;
  }

  /** Row {@code i} of (a_ij), {@code i} values (copy). */
  public double[] aRow(int i) {
    return a[i].clone();
  }

  /** Row {@code i} of (c_ij), {@code i} values (copy). */
  public double[] cRow(int i) {
    return c[i].clone();
  }

  /** Stage times α_i (copy). */
  public double[] nodes() {
    return nodes.clone();
  }

  /** Weights γ_i of {@code h ∂f/∂t} (copy). */
  public double[] d() {
    return d.clone();
  }

  /** Solution weights on the u_i (copy). */
  public double[] b() {
    return b.clone();
  }

  /** Embedded-solution weights on the u_i (copy). */
  public double[] bHat() {
    return bHat.clone();
  }

  /** Number of dense-output rows (0, 1, 2 or 3 for the methods here). */
  public int denseRows() {
    return dense.length;
  }

  /** Dense-output row {@code r} (copy). */
  public double[] denseRow(int r) {
    return dense[r].clone();
  }

  /**
   * True when the last stage is evaluated at {@code (t + h, y1)} (first same as last, like
   * Rosenbrock23's): its {@code f} starts the next step.
   */
  public boolean isFsal() {
    int s = stages();
    if (nodes[s - 1] != 1 || b[s - 1] != 0) {
      return false;
    }
    for (int j = 0; j < s - 1; j++) {
      if (a[s - 1][j] != b[j]) {
        return false;
      }
    }
    return true;
  }

  /** The classical Γ = (diag(1/γ) − C)⁻¹, full s × s (zeros above the diagonal). */
  public double[][] classicalGamma() {
    int s = stages();
    double[][] m = new double[s][s];
    for (int i = 0; i < s; i++) {
      m[i][i] = 1 / gamma;
      for (int j = 0; j < i; j++) {
        m[i][j] = -c[i][j];
      }
    }
    return lowerInverse(m);
  }

  /** The classical α = a Γ, full s × s (zeros on and above the diagonal). */
  public double[][] classicalAlpha() {
    int s = stages();
    double[][] g = classicalGamma();
    double[][] alpha = new double[s][s];
    for (int i = 0; i < s; i++) {
      for (int j = 0; j < i; j++) {
        double sum = 0;
        for (int k = j; k < i; k++) {
          sum += a[i][k] * g[k][j];
        }
        alpha[i][j] = sum;
      }
    }
    return alpha;
  }

  /** Weights {@code w} on the classical k_i for weights {@code v} on the u_i: {@code w = v Γ}. */
  public double[] classicalWeights(double[] v) {
    int s = stages();
    double[][] g = classicalGamma();
    double[] w = new double[s];
    for (int j = 0; j < s; j++) {
      double sum = 0;
      for (int k = j; k < s; k++) {
        sum += v[k] * g[k][j];
      }
      w[j] = sum;
    }
    return w;
  }
}
