package org.nde4j.bench.ode;

import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.nde4j.bench.BenchCase;

/**
 * The peer: the same W1 solve with Hipparchus 4.0.3's {@code DormandPrince54Integrator} or {@code
 * DormandPrince853Integrator} (minStep 0, maxStep ∞, rtol = atol = the workload's tolerance), no
 * step handler while timed. Hipparchus's {@code computeDerivatives} must return a new array on
 * every evaluation; that allocation is part of its API's cost and is timed. The integrator is built
 * once; a call integrates from a fresh {@code ODEState}.
 */
final class HipparchusCase implements BenchCase {
  /** The two Hipparchus methods of W1. */
  enum Method {
    DP54("hipparchus_dp54"), DP853("hipparchus_dp853");

    final String label;

    Method(String label) {
      this.label = label;
    }
  }

  private final Workload workload;
  private final Method method;
  private ODEIntegrator integrator;
  private OrdinaryDifferentialEquation ode;
  private double[] y0;
  private double[] yEnd;
  private int nfe;
  private int steps;
  private double error;

  HipparchusCase(Workload workload, Method method) {
    this.workload = workload;
    this.method = method;
  }

  @Override
  public String name() {
    return workload.prefix + "_" + method.label;
  }

  /** The Hipparchus method. */
  Method method() {
    return method;
  }

  private ODEIntegrator newIntegrator() {
    double tol = workload.tol;
    return method == Method.DP54
        ? new DormandPrince54Integrator(0, Double.POSITIVE_INFINITY, tol, tol)
        : new DormandPrince853Integrator(0, Double.POSITIVE_INFINITY, tol, tol);
  }

  @Override
  public void prepare() {
    Workload w = workload;
    int dim = w.dim;
    ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return dim;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        double[] dy = new double[dim];
        w.rhs(t, y, dy);
        return dy;
      }
    };
    y0 = w.y0();
    // Count steps once with a step handler on a separate integrator; the timed one has none.
    ODEIntegrator counting = newIntegrator();
    int[] accepted = new int[1];
    counting.addStepHandler(interpolator -> accepted[0]++);
    ODEStateAndDerivative end = counting.integrate(ode, new ODEState(w.t0, y0.clone()), w.t1);
    steps = accepted[0];
    nfe = counting.getEvaluations();
    yEnd = end.getPrimaryState();
    error = w.error(yEnd);
    integrator = newIntegrator();
  }

  @Override
  public double call() {
    return integrator.integrate(ode, new ODEState(workload.t0, y0.clone()), workload.t1)
        .getPrimaryState()[0];
  }

  /** The final state (copy). */
  double[] yEnd() {
    return yEnd.clone();
  }

  @Override
  public Double error() {
    return error;
  }

  @Override
  public Integer nfe() {
    return nfe;
  }

  @Override
  public Integer steps() {
    return steps;
  }

  @Override
  public String note() {
    return "Hipparchus 4.0.3, computeDerivatives allocates its result (its API); "
        + workload.errorNote();
  }
}
