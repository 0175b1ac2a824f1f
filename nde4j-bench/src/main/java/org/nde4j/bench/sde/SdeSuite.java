package org.nde4j.bench.sde;

import java.util.List;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.Suite;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.brownian.BrownianInterval;
import org.nde4j.solve.brownian.VirtualBrownianTree;
import org.nde4j.solve.solver.sde.EulerMaruyama;
import org.nde4j.solve.solver.sde.Spark;
import org.nde4j.solve.solver.sde.StochasticReversibleHeun;
import org.nde4j.solve.term.SdeType;

/**
 * The {@code sde} suite: workload W5 of {@code reference/workloads.md} — the neural SDE solved
 * forward and forward + backward ({@link W5Solve}) and the Brownian-query series (a (512, 16)
 * Brownian motion on {@code [0, 1]} queried at {@code dt = 0.01}) — against torchsde in {@code
 * w5_nsde.py}.
 */
public final class SdeSuite implements Suite {
  @Override
  public String name() {
    return "sde";
  }

  @Override
  public List<BenchCase> cases() {
    int dim = BrownianQueries.BATCH * BrownianQueries.STATE;
    String srk = "stand-in for torchsde's srk (Rößler SRI, strong 1.5 for diagonal Itô noise):"
        + " SPaRK on the Stratonovich form, 3 drift + 3 diffusion evaluations a step";
    return List.of(
        new W5Solve("w5_em_fwd", new EulerMaruyama(), SdeType.ITO, null, null),
        new W5Solve("w5_em_fwd_bwd_direct", new EulerMaruyama(), SdeType.ITO, Adjoint.discrete(),
            null),
        new W5Solve("w5_em_fwd_bwd_adjoint", new EulerMaruyama(), SdeType.ITO, Adjoint.backsolve(),
            "stochastic backsolve adjoint (Li et al. 2020): the Stratonovich form's adjoint SDE"
            + " solved backwards by stochastic_heun on the same Brownian path (torchsde's default"
            + " for euler is its Milstein adjoint)"),
        new W5Solve("w5_revheun_fwd", new StochasticReversibleHeun(), SdeType.STRATONOVICH,
            null, null),
        new W5Solve("w5_revheun_fwd_bwd_direct", new StochasticReversibleHeun(),
            SdeType.STRATONOVICH, Adjoint.discrete(), null),
        new W5Solve("w5_revheun_fwd_bwd_adjoint", new StochasticReversibleHeun(),
            SdeType.STRATONOVICH, Adjoint.reversible(), null),
        new W5Solve("w5_srk_fwd", new Spark(), SdeType.STRATONOVICH, null, srk),
        new W5Solve("w5_srk_fwd_bwd_direct", new Spark(), SdeType.STRATONOVICH,
            Adjoint.discrete(), srk),
        new BrownianQueries("brownian_plain", null, false, false),
        new BrownianQueries("brownian_interval_query", () -> BrownianInterval.of(
            BrownianQueries.KEY, 0, 1, dim), false, false),
        new BrownianQueries("brownian_interval_query_levy", () -> BrownianInterval.of(
            BrownianQueries.KEY, 0, 1, dim, BrownianQueries.levy(true)), true, false),
        new BrownianQueries("brownian_interval_dt_hint", () -> BrownianInterval.of(
            BrownianQueries.KEY, 0, 1, dim, BrownianQueries.levy(false), 0.01,
            BrownianInterval.DEFAULT_CACHE), false, false),
        new BrownianQueries("brownian_interval_fwd_reverse", () -> BrownianInterval.of(
            BrownianQueries.KEY, 0, 1, dim), false, true),
        new BrownianQueries("brownian_tree_query", () -> VirtualBrownianTree.of(
            BrownianQueries.KEY, 0, 1, dim, 1e-6), false, false));
  }

  @Override
  public String header() {
    return "W5 neural SDE (state 16, batch 512, diagonal noise, 100 steps of 0.01, loss"
        + " mean(y(1)²); direct = discrete adjoint, rev_heun adjoint = reversible adjoint);"
        + " W5 Brownian series: construct a (512,16) Brownian motion on [0, 1] and query its 100"
        + " increments of dt = 0.01 in order (fwd_reverse: then in reverse); ms per 100 queries"
        + " (200 for fwd_reverse), as torchsde's w5_nsde.py brownian section";
  }
}
