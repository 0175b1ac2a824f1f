package org.nde4j.solve.adjoint;

import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.solver.reversible.ReversibleStepper;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.term.DifferentiableTerm;

/** {@link Adjoint#reversible()}. */
final class ReversibleAdjoint implements Adjoint {
  static final ReversibleAdjoint INSTANCE = new ReversibleAdjoint();

  private ReversibleAdjoint() {}

  @Override
  public String name() {
    return "reversible";
  }

  @Override
  public Recording forward(GradientSolve p) {
    if (p.sdeTerm() != null) {
      return ReversibleSdeRecording.forward(p);
    }
    DifferentiableTerm term = p.term();
    DifferentiableTerm.Evaluator f = term.evaluator();
    int n = term.size();
    ReversibleStepVjp step = StepVjps.reversible(name(), p.solver(), f, n, term.numParams());
    double[] theta = p.theta();
    boolean grid = p.controller() instanceof ConstantStepSize;
    StepGrid gridTimes = grid ? new StepGrid(p.t0(), Math.copySign(p.dt0(), p.t1() - p.t0()))
        : null;
    StepTimes rawTimes = grid ? null : new StepTimes();
    ReversibleRecording.End end = new ReversibleRecording.End(n);
    ForwardLoop.Result r = ForwardLoop.run(p, term.bind(theta), new ForwardLoop.Listener() {
      @Override
      public void started(Stepper s) {
        end.stepper = (ReversibleStepper) s;
      }

      @Override
      public void accepted(int k, double t, double tNext, double[] y, double[] yNext) {
        if (grid) {
          if (k == 0) {
            gridTimes.add(t);
          }
          gridTimes.add(tNext);
        } else {
          if (k == 0) {
            rawTimes.add(t);
          }
          rawTimes.add(tNext);
        }
        System.arraycopy(yNext, 0, end.y, 0, n);
      }
    });
    if (r.status() == Status.SUCCESS) {
      // The loop is over: declare the last step accepted so that the stepper's carried (ŷ, f)
      // belong to the end of the solve.
      end.stepper.accept();
      end.stepper.auxiliary(end.yHat, end.f);
    }
    return new ReversibleRecording(p, theta, f, step, end, gridTimes,
        grid ? null : rawTimes.toArray(), r);
  }

  @Override
  public String toString() {
    return name();
  }
}
