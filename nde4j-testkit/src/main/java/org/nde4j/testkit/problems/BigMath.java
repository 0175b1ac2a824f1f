package org.nde4j.testkit.problems;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** The few elementary functions in {@link BigDecimal} that the closed forms need. */
final class BigMath {
  /** π to 100 decimals. */
  static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510"
      + "58209749445923078164062862089986280348253421170679");

  private BigMath() {}

  /** sin x, by reduction to [−π, π] and the Maclaurin series; valid to about 95 digits. */
  static BigDecimal sin(BigDecimal x, MathContext mc) {
    return series(reduce(x, mc), 1, mc);
  }

  /** cos x, by reduction to [−π, π] and the Maclaurin series; valid to about 95 digits. */
  static BigDecimal cos(BigDecimal x, MathContext mc) {
    return series(reduce(x, mc), 0, mc);
  }

  private static BigDecimal reduce(BigDecimal x, MathContext mc) {
    MathContext wide = new MathContext(mc.getPrecision() + 10, RoundingMode.HALF_EVEN);
    BigDecimal twoPi = PI.add(PI);
    BigDecimal turns = x.add(PI, wide).divide(twoPi, 0, RoundingMode.FLOOR);
    return x.subtract(turns.multiply(twoPi, wide), wide);
  }

  /** Σ (−1)^m x^{2m+first} / (2m+first)!, first = 0 for cos and 1 for sin. */
  private static BigDecimal series(BigDecimal x, int first, MathContext mc) {
    MathContext wide = new MathContext(mc.getPrecision() + 10, RoundingMode.HALF_EVEN);
    BigDecimal x2 = x.multiply(x, wide);
    BigDecimal term = first == 0 ? BigDecimal.ONE : x;
    BigDecimal sum = term;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 8);
    for (int n = first; term.abs().compareTo(eps) > 0; n += 2) {
      term = term.multiply(x2, wide).divide(BigDecimal.valueOf((long) (n + 1) * (n + 2)), wide)
          .negate();
      sum = sum.add(term, wide);
    }
    return sum.round(mc);
  }
}
