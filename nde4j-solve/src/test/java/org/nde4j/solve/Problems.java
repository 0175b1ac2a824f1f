package org.nde4j.solve;

import org.nde4j.solve.term.OdeTerm;
import org.nde4j.testkit.problems.OdeProblem;

/** Adapts the testkit's problem library to terms. */
public final class Problems {
  private Problems() {}

  public static OdeTerm term(OdeProblem p) {
    return OdeTerm.of(p.dim(), p::rhs);
  }

  public static double maxAbsDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
