package org.nde4j.solve.solver.rosenbrock;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.Term;

/**
 * A Rosenbrock (linearly implicit Runge–Kutta, ROW) method given as data: a {@link
 * RosenbrockTableau} in the transformed form and its orders. Subclasses are one small file per
 * method (coefficients, orders, citation); stepping, the Jacobian, {@code ∂f/∂t}, the LU of
 * {@code I/(γh) − J}, the error estimate and dense output live in one engine.
 *
 * <p>Rosenbrock methods solve one linear system per stage and no nonlinear system, so they have
 * no Newton iteration to fail; they need the exact Jacobian for their order (finite differences
 * give about half the digits, enough above tolerances of ~1e-8; terms built from tensor functions
 * get autodiff Jacobians). A singular or non-finite {@code W} makes an attempt return {@code +∞}:
 * the loop rejects and shrinks the step, and ends with {@code NONLINEAR_SOLVE_FAILED} if that never
 * helps.
 */
public abstract class AbstractRosenbrock implements Solver {
  private final String name;
  private final RosenbrockTableau tableau;
  private final int order;
  private final int errorOrder;
  private final int interpolationOrder;

  /**
   * @param name catalogue name
   * @param tableau the coefficients
   * @param order order of the solution
   * @param errorOrder order the step-size controller assumes for the error estimate
   * @param interpolationOrder order of the dense output
   */
  protected AbstractRosenbrock(String name, RosenbrockTableau tableau, int order, int errorOrder,
      int interpolationOrder) {
    this.name = name;
    this.tableau = tableau;
    this.order = order;
    this.errorOrder = errorOrder;
    this.interpolationOrder = interpolationOrder;
  }

  /** The coefficients. */
  public final RosenbrockTableau tableau() {
    return tableau;
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

  @Override
  public final int interpolationOrder() {
    return interpolationOrder;
  }

  @Override
  public final Stepper stepper(Term term) {
    return new RosenbrockStepper(term, tableau);
  }

  @Override
  public String toString() {
    return name;
  }
}
