package org.nde4j.solve.solver.implicit;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.Term;

/**
 * An ESDIRK or additive (IMEX) ESDIRK method given as data: a {@link DirkTableau} handed to one
 * engine that solves the implicit stages by simplified Newton with the factored iteration matrix
 * {@code W = I − γhJ}. Subclasses are one small file per method (coefficients, orders, citation).
 *
 * <p>Terms: on a {@link org.nde4j.solve.term.MultiTerm} of exactly two parts an additive method
 * treats the first part explicitly and the second implicitly (only the second enters {@code W});
 * on any other term every method is a plain ESDIRK on the whole right-hand side. Jacobians come
 * from {@link Term#jacobian()} (autodiff for tensor-function terms, finite differences otherwise).
 */
public abstract class AbstractEsdirk implements Solver {
  private final String name;
  private final DirkTableau tableau;
  private final int order;
  private final int errorOrder;
  private final JacobianReuse reuse;

  /**
   * @param name catalogue name
   * @param tableau the coefficients
   * @param order order of the solution
   * @param errorOrder {@code q} such that the error estimate is {@code O(h^(q+1))} (the step-size
   *     controller's exponent is {@code 1/(q+1)}); 0 if the tableau has no embedded weights
   * @param reuse when to evaluate Jacobians
   */
  protected AbstractEsdirk(String name, DirkTableau tableau, int order, int errorOrder,
      JacobianReuse reuse) {
    if ((tableau.bHat() == null) != (errorOrder == 0)) {
      throw new IllegalArgumentException(name + ": errorOrder must be 0 exactly when the tableau"
          + " has no embedded weights");
    }
    this.name = name;
    this.tableau = tableau;
    this.order = order;
    this.errorOrder = errorOrder;
    this.reuse = java.util.Objects.requireNonNull(reuse, "reuse");
  }

  /** The coefficients. */
  public final DirkTableau tableau() {
    return tableau;
  }

  /** The Jacobian policy. */
  public final JacobianReuse jacobianReuse() {
    return reuse;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int order() {
    return order;
  }

  @Override
  public final int errorOrder() {
    return errorOrder;
  }

  /**
   * The method's own dense-output order when it has one (KenCarp), else cubic Hermite from the end
   * points and slopes, {@code min(3, order)}.
   */
  @Override
  public int interpolationOrder() {
    return Math.min(3, order);
  }

  @Override
  public final Stepper stepper(Term term) {
    return new EsdirkStepper(term, tableau, reuse);
  }

  @Override
  public String toString() {
    return name;
  }
}
