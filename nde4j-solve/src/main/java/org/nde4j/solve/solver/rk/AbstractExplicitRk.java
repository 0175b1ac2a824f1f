package org.nde4j.solve.solver.rk;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.Term;

/**
 * An explicit Runge–Kutta method given as data: a {@link ButcherTableau} and an
 * {@link RkInterpolant}. Subclasses are one small file per method (coefficients, orders,
 * citation); the stepping, error estimation, dense output and stiffness detection live in one
 * engine ({@link RkStepper}).
 */
public abstract class AbstractExplicitRk implements Solver {
  private final String name;
  private final ButcherTableau tableau;
  private final RkInterpolant interpolant;
  private final int order;
  private final int errorOrder;

  /**
   * @param name catalogue name
   * @param tableau the coefficients
   * @param interpolant dense output ({@link RkInterpolant#hermite} when the method has none)
   * @param order order of the solution
   * @param errorOrder order of the embedded solution (0 if the tableau has no error weights)
   */
  protected AbstractExplicitRk(String name, ButcherTableau tableau, RkInterpolant interpolant,
      int order, int errorOrder) {
    if ((tableau.errorWeights() == null) != (errorOrder == 0)) {
      throw new IllegalArgumentException(name + ": errorOrder must be 0 exactly when the tableau"
          + " has no error weights");
    }
    if (interpolant.totalStages() != tableau.stages() + interpolant.extraStages()) {
      throw new IllegalArgumentException(name + ": the interpolant has weights for "
          + interpolant.totalStages() + " stages, the tableau has " + tableau.stages()
          + " plus " + interpolant.extraStages() + " extra");
    }
    this.name = name;
    this.tableau = tableau;
    this.interpolant = interpolant;
    this.order = order;
    this.errorOrder = errorOrder;
  }

  /** The coefficients. */
  public final ButcherTableau tableau() {
    return tableau;
  }

  /** The dense output. */
  public final RkInterpolant interpolant() {
    return interpolant;
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
   * The order of the dense output, {@code min(interpolant order, method order)}: an interpolant
   * built from the step's end points (Hermite) is only as accurate as the step's result.
   */
  @Override
  public final int interpolationOrder() {
    return Math.min(interpolant.order(), order);
  }

  @Override
  public final Stepper stepper(Term term) {
    return new RkStepper(term, tableau, interpolant);
  }

  @Override
  public final org.nde4j.solve.solver.BatchStepper batchStepper(
      org.nde4j.solve.term.BatchTerm term, int samples) {
    return new BatchRkStepper(term, samples, tableau, interpolant);
  }

  @Override
  public String toString() {
    return name;
  }
}
