package org.nde4j.tensor.op;

import java.util.Arrays;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;

final class Arity {
  private Arity() {}

  static void check(Op op, Shape[] in, int n) {
    if (in.length != n) {
      throw new ShapeException(op.name() + ": expects " + n + " operand(s), got " + in.length
          + " " + Arrays.toString(in));
    }
  }
}
