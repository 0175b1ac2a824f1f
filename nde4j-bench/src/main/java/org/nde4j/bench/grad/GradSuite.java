package org.nde4j.bench.grad;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.Suite;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.reversible.ReversibleHeun;
import org.nde4j.solve.solver.rk.Tsit5;

/**
 * The {@code grad} suite: gradients through solves on workloads W3 (ode_demo training iteration)
 * and W4 (larger neural ODE forward / forward + backward) of {@code reference/workloads.md}, and
 * a memory series (stored states for 10³, 10⁴, 10⁵ steps per adjoint).
 */
public final class GradSuite implements Suite {
  @Override
  public String name() {
    return "grad";
  }

  @Override
  public List<BenchCase> cases() {
    List<BenchCase> cases = new ArrayList<>();
    cases.add(new W3Iteration("w3_direct_iter", Adjoint.discrete()));
    // the continuous adjoint that is cheapest on W3 with the gradient quality of backsolve
    // (interpolating: 146 backward evaluations per iteration against backsolve's 281)
    cases.add(new W3Iteration("w3_adjoint_iter", Adjoint.interpolating()));
    cases.add(new W4Solve("w4_fwd", null));
    cases.add(new W4Solve("w4_fwd_bwd_direct", Adjoint.discrete()));
    cases.add(new W4Solve("w4_fwd_bwd_adjoint", Adjoint.backsolve()));
    // binomial checkpointing with fewer stored states than W4's ~20 steps (recomputes stages)
    cases.add(new W4Solve("w4_fwd_bwd_checkpoint", Adjoint.checkpointed(6)));
    for (Adjoint a : List.of(Adjoint.discrete(), Adjoint.checkpointed(16), Adjoint.backsolve(),
        Adjoint.interpolating(), Adjoint.reversible())) {
      Solver solver = a.name().equals("reversible") ? new ReversibleHeun() : new Tsit5();
      for (int steps : new int[] {1_000, 10_000, 100_000}) {
        cases.add(new MemoryCase(a, solver, steps));
      }
    }
    return cases;
  }

  @Override
  public String header() {
    return "direct = discrete adjoint (backpropagation through the solver's steps); w3_adjoint_iter ="
        + " interpolating continuous adjoint (y(t) from the forward dense output; the role of"
        + " torchdiffeq's odeint_adjoint, which re-solves y backwards); w4_fwd_bwd_adjoint ="
        + " backsolve (continuous adjoint, as torchdiffeq's odeint_adjoint); memory cases:"
        + " y' = tanh(W y) on two states, constant steps on [0, 1] with tsit5 (reversible:"
        + " reversible_heun)";
  }
}
