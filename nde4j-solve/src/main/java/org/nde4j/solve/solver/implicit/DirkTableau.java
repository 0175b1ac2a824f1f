package org.nde4j.solve.solver.implicit;

/**
 * The coefficients of an ESDIRK method (singly diagonally implicit Runge–Kutta with an explicit
 * first stage), optionally paired with an explicit tableau into an additive (IMEX) Runge–Kutta
 * method. With {@code s} stages:
 *
 * <ul>
 *   <li>{@code c} — nodes, {@code c_0 = 0};
 *   <li>{@code a} — the implicit matrix below the diagonal (row {@code i} has {@code i} entries);
 *       the diagonal is {@code 0} for stage 0 and {@code γ} for every later stage;
 *   <li>{@code b} — weights, {@code b̂} — weights of the embedded method (the engine uses {@code
 *       e = b − b̂});
 *   <li>{@code aExplicit} (IMEX only) — the explicit matrix, strictly lower triangular; both parts
 *       share {@code c}, {@code b} and {@code b̂} (Kennedy &amp; Carpenter 2003);
 *   <li>{@code predictor} (optional) — rows {@code α_i} (with {@code i} entries, summing to 1)
 *       that predict the slope of implicit stage {@code i} from the earlier implicit slopes, so
 *       Newton starts from {@code z_i = ψ_i + γh Σ_j α_ij k_j} (Diffrax's predictor tableaus);
 *       without it the previous stage's slope is used;
 *   <li>{@code dense} (optional) — dense output {@code y(t0 + θh) = y0 + h Σ_i θ·P_i(θ)·k_i} with
 *       polynomials {@code P_i} given by their coefficients, highest power first, and {@code k_i}
 *       the sum of the stage's explicit and implicit slopes; without it the engine uses cubic
 *       Hermite interpolation (then the method must be stiffly accurate).
 * </ul>
 *
 * <p>Immutable; validated on construction to 1e-13: row sums equal {@code c} in both parts,
 * {@code Σ b = Σ b̂ = 1}, {@code P_i(1) = b_i}. A method is <em>stiffly accurate</em> when its last
 * implicit row is {@code b} ({@code c_s = 1}): the solution is then the last stage value.
 */
public final class DirkTableau {
  private static final double TOL = 1e-13;

  private final double gamma;
  private final double[] c;
  private final double[][] a;
  private final double[] b;
  private final double[] bHat;
  private final double[][] aExplicit;
  private final double[][] predictor;
  private final double[][] dense;
  private final boolean filterError;
  private final boolean stifflyAccurate;

  private DirkTableau(Builder k) {
    this.gamma = k.gamma;
    this.c = k.c.clone();
    this.a = copy(k.a);
    this.b = k.b.clone();
    this.bHat = k.bHat == null ? null : k.bHat.clone();
    this.aExplicit = copy(k.aExplicit);
    this.predictor = copy(k.predictor);
    this.dense = copy(k.dense);
    this.filterError = k.filterError;
    validate();
    this.stifflyAccurate = detectStiffAccuracy();
    if (dense == null && !stifflyAccurate) {
      throw new IllegalArgumentException("DirkTableau: a method that is not stiffly accurate needs"
          + " its own dense output (Hermite needs the slope at the end point)");
    }
  }

  /** A builder; {@code γ}, {@code c}, {@code a} and {@code b} are required. */
  public static Builder builder() {
    return new Builder();
  }

  private static double[][] copy(double[][] m) {
    if (m == null) {
      return null;
    }
    double[][] r = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = m[i].clone();
    }
    return r;
  }

  private void validate() {
    int s = c.length;
    if (s < 2 || a.length != s || b.length != s || (bHat != null && bHat.length != s)) {
      throw new IllegalArgumentException("DirkTableau: c, a, b (and b̂) need one entry per stage"
          + " (at least 2); got c=" + s + ", a=" + a.length + ", b=" + b.length);
    }
    if (!(gamma > 0) || c[0] != 0) {
      throw new IllegalArgumentException("DirkTableau: need γ > 0 and c_0 = 0, got γ=" + gamma
          + ", c_0=" + c[0]);
    }
    for (int i = 0; i < s; i++) {
      checkRow("implicit", a[i], i, i == 0 ? 0 : gamma);
      if (aExplicit != null) {
        checkRow("explicit", aExplicit[i], i, 0);
      }
      if (predictor != null && i > 0) {
        if (predictor.length != s || predictor[i].length != i) {
          throw new IllegalArgumentException("DirkTableau: predictor row " + i + " must have " + i
              + " entries");
        }
        checkSum("predictor row " + i, predictor[i], 1);
      }
    }
    if (aExplicit != null && aExplicit.length != s) {
      throw new IllegalArgumentException("DirkTableau: explicit matrix needs " + s + " rows");
    }
    checkSum("b", b, 1);
    if (bHat != null) {
      checkSum("b̂", bHat, 1);
    }
    if (dense != null) {
      if (dense.length != s) {
        throw new IllegalArgumentException("DirkTableau: dense output needs " + s + " rows");
      }
      for (int i = 0; i < s; i++) {
        double at1 = 0;
        for (double v : dense[i]) {
          at1 += v;
        }
        if (Math.abs(at1 - b[i]) > 1e-12) {
          throw new IllegalArgumentException("DirkTableau: dense output row " + i + " gives "
              + at1 + " at θ = 1 but b_" + i + " = " + b[i]);
        }
      }
    }
  }

  private void checkRow(String which, double[] row, int i, double diagonal) {
    if (row.length != i) {
      throw new IllegalArgumentException("DirkTableau: " + which + " row " + i + " must have " + i
          + " entries below the diagonal, got " + row.length);
    }
    double sum = diagonal;
    for (double v : row) {
      sum += v;
    }
    if (Math.abs(sum - c[i]) > TOL * Math.max(1, Math.abs(c[i]))) {
      throw new IllegalArgumentException("DirkTableau: " + which + " row " + i + " sums to " + sum
          + " but c_" + i + " = " + c[i]);
    }
  }

  private static void checkSum(String name, double[] w, double expected) {
    double sum = 0;
    double mag = 0;
    for (double v : w) {
      sum += v;
      mag += Math.abs(v);
    }
    if (Math.abs(sum - expected) > TOL * Math.max(1, mag)) {
      throw new IllegalArgumentException("DirkTableau: Σ " + name + " = " + sum + ", must be "
          + expected);
    }
  }

  private boolean detectStiffAccuracy() {
    int s = c.length;
    if (c[s - 1] != 1 || b[s - 1] != gamma) {
      return false;
    }
    for (int j = 0; j < s - 1; j++) {
      if (a[s - 1][j] != b[j]) {
        return false;
      }
    }
    return true;
  }

  /** Number of stages, the explicit first one included. */
  public int stages() {
    return c.length;
  }

  /** The diagonal coefficient γ. */
  public double gamma() {
    return gamma;
  }

  /** Nodes (copy). */
  public double[] c() {
    return c.clone();
  }

  /** Row {@code i} of the implicit matrix below the diagonal (copy). */
  public double[] aRow(int i) {
    return a[i].clone();
  }

  /** The full {@code s × s} implicit matrix, diagonal included (new array). */
  public double[][] implicitMatrix() {
    int s = c.length;
    double[][] m = new double[s][s];
    for (int i = 0; i < s; i++) {
      System.arraycopy(a[i], 0, m[i], 0, i);
      m[i][i] = i == 0 ? 0 : gamma;
    }
    return m;
  }

  /** The full {@code s × s} explicit matrix (new array), or null for a plain ESDIRK. */
  public double[][] explicitMatrix() {
    if (aExplicit == null) {
      return null;
    }
    int s = c.length;
    double[][] m = new double[s][s];
    for (int i = 0; i < s; i++) {
      System.arraycopy(aExplicit[i], 0, m[i], 0, i);
    }
    return m;
  }

  /** Weights (copy). */
  public double[] b() {
    return b.clone();
  }

  /** Embedded weights (copy), or null without an error estimate. */
  public double[] bHat() {
    return bHat == null ? null : bHat.clone();
  }

  /** Error weights {@code b − b̂} (new array), or null. */
  public double[] errorWeights() {
    if (bHat == null) {
      return null;
    }
    double[] e = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      e[i] = b[i] - bHat[i];
    }
    return e;
  }

  /** Row {@code i ≥ 1} of the stage predictor (copy); null when there is none. */
  public double[] predictorRow(int i) {
    return predictor == null ? null : predictor[i].clone();
  }

  /** Coefficients of the dense-output polynomial of stage {@code i} (copy); null for Hermite. */
  public double[] denseRow(int i) {
    return dense == null ? null : dense[i].clone();
  }

  /** True when the method has an explicit part (IMEX). */
  public boolean isAdditive() {
    return aExplicit != null;
  }

  /** True when the last implicit row equals {@code b} (the solution is the last stage). */
  public boolean isStifflyAccurate() {
    return stifflyAccurate;
  }

  /** True when the dense output comes from the method's own polynomials, not Hermite. */
  public boolean hasDenseOutput() {
    return dense != null;
  }

  /**
   * True when the error estimate is filtered by {@code (I − γhJ)⁻¹} before it is measured
   * (Shampine's filter; Hairer &amp; Wanner, <i>Solving ODEs II</i>, §IV.8, eq. (8.19)): for
   * methods whose embedded formula does not damp stiff components, so that the raw estimate
   * would be {@code O(hλ)} on them.
   */
  public boolean filtersError() {
    return filterError;
  }

  /** Builder of a {@link DirkTableau}. */
  public static final class Builder {
    private double gamma = Double.NaN;
    private double[] c;
    private double[][] a;
    private double[] b;
    private double[] bHat;
    private double[][] aExplicit;
    private double[][] predictor;
    private double[][] dense;
    private boolean filterError;

    private Builder() {}

    /** The diagonal coefficient. */
    public Builder gamma(double g) {
      this.gamma = g;
      return this;
    }

    /** Nodes, {@code c_0 = 0} included. */
    public Builder c(double... nodes) {
      this.c = nodes;
      return this;
    }

    /** Implicit matrix below the diagonal: row {@code i} has {@code i} entries. */
    public Builder a(double[][] rows) {
      this.a = rows;
      return this;
    }

    /** Weights. */
    public Builder b(double... weights) {
      this.b = weights;
      return this;
    }

    /** Embedded weights. */
    public Builder bHat(double... weights) {
      this.bHat = weights;
      return this;
    }

    /** Explicit matrix (IMEX), strictly lower: row {@code i} has {@code i} entries. */
    public Builder explicit(double[][] rows) {
      this.aExplicit = rows;
      return this;
    }

    /** Stage predictor rows; row 0 is ignored (pass an empty row). */
    public Builder predictor(double[][] rows) {
      this.predictor = rows;
      return this;
    }

    /** Dense-output polynomials, one row of coefficients (highest power first) per stage. */
    public Builder dense(double[][] rows) {
      this.dense = rows;
      return this;
    }

    /** Filter the error estimate through {@code (I − γhJ)⁻¹}. */
    public Builder filterError() {
      this.filterError = true;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first condition that fails
     */
    public DirkTableau build() {
      if (c == null || a == null || b == null || Double.isNaN(gamma)) {
        throw new IllegalArgumentException("DirkTableau: γ, c, a and b are required");
      }
      return new DirkTableau(this);
    }
  }
}
