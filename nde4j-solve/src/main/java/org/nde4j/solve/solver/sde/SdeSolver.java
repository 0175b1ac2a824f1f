package org.nde4j.solve.solver.sde;

import java.util.Set;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;
import org.nde4j.solve.term.Term;

/**
 * A numerical method for stochastic differential equations ({@link SdeTerm}s). Besides the
 * {@link Solver} contract it states which SDE interpretation it integrates, which Brownian
 * iterated integrals it needs, and its strong and weak orders per noise class; {@link #stepper}
 * refuses, before any step, a term it would integrate wrongly ({@link #refusal}).
 *
 * <p>{@link Solver#order()} is the integer order the step-size machinery uses (the floor of the
 * best strong order, at least 1); the SDE orders are {@link #strongOrders()} and {@link
 * #weakOrders()}. Dense output between steps is linear (the Brownian path between steps is not
 * known to the solver).
 */
public interface SdeSolver extends Solver {
  /**
   * The interpretations this solver integrates. With additive noise Itô and Stratonovich SDEs
   * coincide, so every SDE solver accepts additive noise of either type.
   */
  Set<SdeType> sdeTypes();

  /** The Lévy area the Brownian motion must provide ({@link LevyArea#NONE}: increments only). */
  LevyArea levyArea();

  /** Strong order (root-mean-square pathwise error) per noise class; NaN where not applicable. */
  NoiseOrders strongOrders();

  /** Weak order (error of expectations of smooth functions) per noise class. */
  NoiseOrders weakOrders();

  /**
   * Why this solver cannot integrate {@code term} (wrong SDE type, noise class, Lévy area or a
   * missing derivative), or null when it can.
   */
  String refusal(SdeTerm term);

  /** {@link SdeTerm}. */
  @Override
  default Class<? extends Term> termType() {
    return SdeTerm.class;
  }
}
