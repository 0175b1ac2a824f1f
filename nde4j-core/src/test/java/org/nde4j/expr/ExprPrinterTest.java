package org.nde4j.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The printer uses few parentheses, and what it prints parses back to the same tree. */
class ExprPrinterTest {

  @Test
  void minimalParentheses() {
    String[] canonical = {"a + b * c", "(a + b) * c", "a - (b - c)", "a - b - c", "a / (b * c)",
        "-x^2", "(-x)^2", "2^-1", "a^b^c", "(a^b)^c", "-(a + b)", "-a * b", "-(a * b)", "a * -b",
        "a^-(b * c)", "max(a + b, -c)", "sin(x)^2", "1.0E-5 * x", "1000000000 * y", "2.5 + pi",
        "--a", "a - -b", "a^--b"};
    for (String s : canonical) {
      assertThat(ExprParser.parse(s).toString()).isEqualTo(s);
    }
    assertThat(ExprParser.parse("((a)) + (b*c)").toString()).isEqualTo("a + b * c");
    assertThat(ExprParser.parse("+a").toString()).isEqualTo("a");
  }

  @Test
  void randomTreesRoundTrip() {
    Random r = new Random(20240611);
    for (int i = 0; i < 3000; i++) {
      Expr e = random(r, 6);
      String s = e.toString();
      assertThat(ExprParser.parse(s)).as(s).isEqualTo(e);
      assertThat(ExprParser.parse(s).toString()).isEqualTo(s);
    }
  }

  private static final String[] NAMES = {"x", "y1", "k_2", "t", "pi"};

  static Expr random(Random r, int depth) {
    return random(r, depth, true);
  }

  /**
   * A random tree; with {@code extremes} its numbers span the whole double range (for printing),
   * otherwise they stay in [0, 10) (for comparing evaluators without ill-conditioned results).
   */
  static Expr random(Random r, int depth, boolean extremes) {
    int kind = depth == 0 ? r.nextInt(2) : r.nextInt(6);
    switch (kind) {
      case 0:
        return new Num(extremes ? randomNumber(r) : r.nextInt(4) == 0 ? r.nextInt(10) : 10 * r.nextDouble());
      case 1:
        return new Symbol(NAMES[r.nextInt(NAMES.length)]);
      case 2:
        return new Neg(random(r, depth - 1, extremes));
      case 3:
      case 4:
        BinaryOp op = BinaryOp.values()[r.nextInt(BinaryOp.values().length)];
        return new Binary(op, random(r, depth - 1, extremes), random(r, depth - 1, extremes));
      default:
        Builtin fn = Builtin.values()[r.nextInt(Builtin.values().length)];
        List<Expr> args = new ArrayList<>();
        for (int k = 0; k < fn.arity(); k++) {
          args.add(random(r, depth - 1, extremes));
        }
        return new Call(fn, args);
    }
  }

  private static double randomNumber(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return r.nextInt(100);
      case 1:
        return r.nextDouble() * 10;
      case 2:
        return Math.scalb(r.nextDouble(), r.nextInt(200) - 100);
      default:
        return Double.MIN_VALUE * r.nextInt(5) + Double.MAX_VALUE * r.nextInt(2);
    }
  }
}
