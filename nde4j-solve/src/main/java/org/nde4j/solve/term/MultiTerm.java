package org.nde4j.solve.term;

import java.util.List;

/**
 * The sum of several terms on the same state, {@code dy = Σ_i f_i(t, y) dX_i}: e.g. a drift and a
 * diffusion, or the explicit and implicit parts of an IMEX split. Its {@link #rate} is the sum of
 * the parts' rates.
 */
public final class MultiTerm implements Term {
  private final Term[] terms;
  private final double[] scratch;

  private MultiTerm(Term[] terms) {
    this.terms = terms;
    this.scratch = new double[terms[0].size()];
  }

  /**
   * @throws IllegalArgumentException if no term is given or the terms' state sizes differ
   */
  public static MultiTerm of(Term... terms) {
    if (terms.length == 0) {
      throw new IllegalArgumentException("MultiTerm: needs at least one term");
    }
    for (int i = 1; i < terms.length; i++) {
      if (terms[i].size() != terms[0].size()) {
        throw new IllegalArgumentException("MultiTerm: term " + i + " acts on " + terms[i].size()
            + " values but term 0 on " + terms[0].size());
      }
    }
    return new MultiTerm(terms.clone());
  }

  /** The parts, in the order given. */
  public List<Term> terms() {
    return List.of(terms);
  }

  @Override
  public int size() {
    return terms[0].size();
  }

  /** The sum of the parts' Jacobians. */
  @Override
  public Jacobian jacobian() {
    Jacobian[] parts = new Jacobian[terms.length];
    for (int k = 0; k < terms.length; k++) {
      parts[k] = terms[k].jacobian();
    }
    int n = size();
    double[] scratch2 = new double[n * n];
    return new Jacobian() {
      private long evaluations;

      @Override
      public void evaluate(double t, double[] y, double[] out) {
        evaluations++;
        parts[0].evaluate(t, y, out);
        for (int k = 1; k < parts.length; k++) {
          parts[k].evaluate(t, y, scratch2);
          for (int i = 0; i < out.length; i++) {
            out[i] += scratch2[i];
          }
        }
      }

      @Override
      public long rateEvaluations() {
        long sum = 0;
        for (Jacobian p : parts) {
          sum += p.rateEvaluations();
        }
        return sum;
      }

      @Override
      public long evaluations() {
        return evaluations;
      }
    };
  }

  @Override
  public void rate(double t, double[] y, double[] dy) {
    terms[0].rate(t, y, dy);
    for (int k = 1; k < terms.length; k++) {
      terms[k].rate(t, y, scratch);
      for (int i = 0; i < dy.length; i++) {
        dy[i] += scratch[i];
      }
    }
  }
}
