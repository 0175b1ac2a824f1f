package org.nde4j.solve.term;

/** {@link DifferentiableTerm#bind}: the field with fixed parameters, seen as a plain {@link Term}. */
final class BoundTerm implements Term {
  private final DifferentiableTerm term;
  private final double[] theta;
  private final DifferentiableTerm.Evaluator evaluator;

  BoundTerm(DifferentiableTerm term, double[] theta) {
    this.term = term;
    this.theta = theta;
    this.evaluator = term.evaluator();
  }

  @Override
  public int size() {
    return term.size();
  }

  @Override
  public void rate(double t, double[] y, double[] dy) {
    evaluator.rate(t, y, theta, dy);
  }

  @Override
  public Jacobian jacobian() {
    DifferentiableTerm.Evaluator e = term.evaluator();
    return new Jacobian() {
      private long evaluations;

      @Override
      public void evaluate(double t, double[] y, double[] out) {
        evaluations++;
        e.jacobian(t, y, theta, out);
      }

      @Override
      public long rateEvaluations() {
        return 0;
      }

      @Override
      public long evaluations() {
        return evaluations;
      }
    };
  }
}
