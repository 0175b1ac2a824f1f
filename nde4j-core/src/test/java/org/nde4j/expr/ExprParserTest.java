package org.nde4j.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precedence, associativity, literals, and errors that say where and what was expected. */
class ExprParserTest {

  private static Expr p(String s) {
    return ExprParser.parse(s);
  }

  private static Expr x(String name) {
    return new Symbol(name);
  }

  private static Expr n(double v) {
    return new Num(v);
  }

  private static Expr bin(BinaryOp op, Expr a, Expr b) {
    return new Binary(op, a, b);
  }

  private static double eval(String s) {
    return p(s).evaluate(Map.of("x", 3.0, "y", 2.0));
  }

  @Test
  void precedenceOfProductsOverSums() {
    assertThat(p("a + b * c")).isEqualTo(bin(BinaryOp.ADD, x("a"), bin(BinaryOp.MUL, x("b"), x("c"))));
    assertThat(p("a * b + c")).isEqualTo(bin(BinaryOp.ADD, bin(BinaryOp.MUL, x("a"), x("b")), x("c")));
    assertThat(eval("1 + 2 * 3 - 4 / 2")).isEqualTo(5.0);
  }

  @Test
  void leftAssociativeSubtractionAndDivision() {
    assertThat(p("a - b - c")).isEqualTo(bin(BinaryOp.SUB, bin(BinaryOp.SUB, x("a"), x("b")), x("c")));
    assertThat(eval("8 / 4 / 2")).isEqualTo(1.0);
    assertThat(eval("10 - 3 - 2")).isEqualTo(5.0);
  }

  @Test
  void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
    assertThat(p("a^b^c")).isEqualTo(bin(BinaryOp.POW, x("a"), bin(BinaryOp.POW, x("b"), x("c"))));
    assertThat(eval("2^3^2")).isEqualTo(512.0);
    assertThat(p("-x^2")).isEqualTo(new Neg(bin(BinaryOp.POW, x("x"), n(2))));
    assertThat(eval("-x^2")).isEqualTo(-9.0);
    assertThat(eval("(-x)^2")).isEqualTo(9.0);
    assertThat(p("2^-1")).isEqualTo(bin(BinaryOp.POW, n(2), new Neg(n(1))));
    assertThat(eval("2^-1")).isEqualTo(0.5);
    assertThat(eval("2^-y^2")).isEqualTo(1.0 / 16);
    assertThat(eval("-2 * 3")).isEqualTo(-6.0);
    assertThat(eval("x * -y")).isEqualTo(-6.0);
    assertThat(eval("--x")).isEqualTo(3.0);
    assertThat(eval("+x - +y")).isEqualTo(1.0);
  }

  @Test
  void numberLiterals() {
    assertThat(p("42")).isEqualTo(n(42));
    assertThat(p("2.5")).isEqualTo(n(2.5));
    assertThat(p("1e-3")).isEqualTo(n(1e-3));
    assertThat(p("2.5E+7")).isEqualTo(n(2.5e7));
    assertThat(p(".5")).isEqualTo(n(0.5));
    assertThat(p("5.")).isEqualTo(n(5));
    assertThat(p("3.0e7")).isEqualTo(n(3.0e7));
  }

  @Test
  void callsConstantsAndSymbols() {
    assertThat(p("max(x, 0)")).isEqualTo(new Call(Builtin.MAX, List.of(x("x"), n(0))));
    assertThat(eval("pow(y, 3) + sqrt(x^2 + 7) + abs(-y)")).isEqualTo(8 + 4 + 2);
    assertThat(eval("min(x, y) * max(x, y)")).isEqualTo(6.0);
    assertThat(eval("exp(log(x)) + tanh(0) + sin(0) + cos(0) + tan(0)")).isEqualTo(4.0, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(eval("cos(pi)")).isEqualTo(-1.0);
    assertThat(p("k1*y1 + t").freeSymbols()).containsExactly("k1", "y1", "t");
    assertThat(p("2*pi*f").freeSymbols()).containsExactly("f");
  }

  @Test
  void symbolsKnowWhereTheyWereFound() {
    Binary e = (Binary) ExprParser.parse("a +\n  bb", 7, 10);
    Symbol a = (Symbol) e.left();
    Symbol b = (Symbol) e.right();
    assertThat(List.of(a.line(), a.column(), b.line(), b.column())).containsExactly(7, 10, 8, 3);
  }

  private static void fails(String text, int column, String... parts) {
    assertThatThrownBy(() -> p(text))
        .isInstanceOfSatisfying(ExprException.class, e -> {
          assertThat(e.column()).as("column of %s", e.getMessage()).isEqualTo(column);
          assertThat(e.line()).isEqualTo(1);
          for (String s : parts) {
            assertThat(e.reason()).contains(s);
          }
          assertThat(e.getMessage()).startsWith("column " + column + ": ");
        });
  }

  @Test
  void errorsSayWhatWasExpectedAndWhere() {
    fails("x * (y + 1", 11, "expected ')' to close '(' opened at column 5", "end of the expression");
    fails("sinn(x)", 1, "unknown function 'sinn'", "known: abs cos exp log max min pow sin sqrt tan tanh");
    fails("x + * y", 5, "expected a number, symbol or '(' but found '*'");
    fails("x ** 2", 4, "expected a number, symbol or '(' but found '*'");
    fails("x + 1)", 6, "unmatched ')'");
    fails("2x", 2, "expected an operator", "found 'x'", "a product needs '*'");
    fails("max(x)", 1, "'max' takes 2 arguments but was given 1");
    fails("exp(x, y)", 1, "'exp' takes 1 argument but was given 2");
    fails("max(x, y", 9, "expected ',' or ')' to close the call of 'max(' opened at column 4");
    fails("sin + 1", 1, "function 'sin' needs its arguments in parentheses");
    fails("pi(2)", 1, "'pi' is a constant");
    fails("x $ y", 3, "unexpected character '$'");
    fails("1e-", 2, "expected the digits of an exponent after '1e-'");
    fails("1e400", 1, "too large");
    fails("x +", 4, "expected a number, symbol or '(' but found the end of the expression");
    fails("   ", 1, "empty expression");
    fails("", 1, "empty expression");
  }

  @Test
  void errorPositionsFollowTheEmbeddingOffsets() {
    assertThatThrownBy(() -> ExprParser.parse("k1*y1 + k4 * (y2", 7, 9))
        .isInstanceOfSatisfying(ExprException.class, e -> {
          assertThat(e.line()).isEqualTo(7);
          assertThat(e.column()).isEqualTo(9 + 16);
          assertThat(e.reason()).contains("opened at column " + (9 + 13));
        });
    assertThatThrownBy(() -> ExprParser.parse("a +\n (b", 3, 5))
        .isInstanceOfSatisfying(ExprException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.column()).isEqualTo(4);
          assertThat(e.reason()).contains("opened at line 4, column 2");
        });
  }

  @Test
  void deepNestingIsRejectedNotOverflowed() {
    String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
    assertThatThrownBy(() -> p(deep)).isInstanceOf(ExprException.class)
        .hasMessageContaining("nested more than");
    String ok = "(".repeat(100) + "x" + ")".repeat(100);
    assertThat(p(ok)).isEqualTo(x("x"));
  }

  @Test
  void unknownSymbolAtEvaluationNamesItsColumn() {
    assertThatThrownBy(() -> p("x + zz").evaluate(Map.of("x", 1.0)))
        .isInstanceOfSatisfying(ExprException.class, e -> {
          assertThat(e.column()).isEqualTo(5);
          assertThat(e.reason()).contains("unknown symbol 'zz'").contains("known: x");
        });
  }
}
