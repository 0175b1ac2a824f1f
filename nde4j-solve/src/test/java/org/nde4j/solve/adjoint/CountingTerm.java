package org.nde4j.solve.adjoint;

import org.nde4j.solve.term.DifferentiableTerm;

/**
 * A differentiable term that counts every evaluation of the field made through any of its
 * evaluators, to show that a bad request fails before solving.
 */
final class CountingTerm implements DifferentiableTerm {
  private final DifferentiableTerm inner;
  private long rates;

  CountingTerm(DifferentiableTerm inner) {
    this.inner = inner;
  }

  long rates() {
    return rates;
  }

  @Override
  public int size() {
    return inner.size();
  }

  @Override
  public int numParams() {
    return inner.numParams();
  }

  @Override
  public Evaluator evaluator() {
    Evaluator e = inner.evaluator();
    return new Evaluator() {
      @Override
      public void rate(double t, double[] y, double[] theta, double[] dy) {
        rates++;
        e.rate(t, y, theta, dy);
      }

      @Override
      public double vjp(double t, double[] y, double[] theta, double[] a, double[] ay,
          double[] ap) {
        return e.vjp(t, y, theta, a, ay, ap);
      }

      @Override
      public void jvp(double t, double[] y, double[] theta, double vt, double[] vy, double[] vp,
          double[] out) {
        e.jvp(t, y, theta, vt, vy, vp, out);
      }

      @Override
      public long rateEvaluations() {
        return e.rateEvaluations();
      }

      @Override
      public long vjpEvaluations() {
        return e.vjpEvaluations();
      }
    };
  }
}
