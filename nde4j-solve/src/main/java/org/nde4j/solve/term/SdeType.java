package org.nde4j.solve.term;

/**
 * How the stochastic integral {@code ∫ g(t, y) dW} of an SDE is read: Itô (left-point sums, the
 * martingale convention of finance and of most textbooks) or Stratonovich (midpoint sums, the
 * convention in which the ordinary chain rule holds and which smooth-noise limits converge to).
 * The two differ by the drift correction {@code ½ Σ_j (∂g^j/∂y) g^j}, which vanishes for
 * additive noise ({@link SdeTerm#toStratonovich()}, {@link SdeTerm#toIto()}).
 */
public enum SdeType {
  /** Itô integral. */
  ITO,
  /** Stratonovich integral. */
  STRATONOVICH;

  /** Name for messages ({@code "Itô"}, {@code "Stratonovich"}). */
  public String label() {
    return this == ITO ? "Itô" : "Stratonovich";
  }
}
