package org.nde4j.bench.sde;

import java.util.List;
import org.nde4j.bench.BenchCase;
import org.nde4j.bench.Suite;
import org.nde4j.solve.brownian.BrownianInterval;
import org.nde4j.solve.brownian.VirtualBrownianTree;

/**
 * The {@code sde} suite: the Brownian-query series of workload W5 ({@code reference/workloads.md}):
 * a (512, 16) Brownian motion on {@code [0, 1]} queried at {@code dt = 0.01}, against torchsde's
 * Brownian objects in {@code w5_nsde.py}.
 */
public final class SdeSuite implements Suite {
  @Override
  public String name() {
    return "sde";
  }

  @Override
  public List<BenchCase> cases() {
    int dim = BrownianQueries.BATCH * BrownianQueries.STATE;
    return List.of(
        new BrownianQueries("brownian_plain", null, false, false),
        new BrownianQueries("brownian_interval", () -> BrownianInterval.of(
            BrownianQueries.KEY, 0, 1, dim), false, false),
        new BrownianQueries("brownian_interval_levy", () -> BrownianInterval.of(
            BrownianQueries.KEY, 0, 1, dim, BrownianQueries.levy(true)), true, false),
        new BrownianQueries("brownian_interval_dt_hint", () -> BrownianInterval.of(
            BrownianQueries.KEY, 0, 1, dim, BrownianQueries.levy(false), 0.01,
            BrownianInterval.DEFAULT_CACHE), false, false),
        new BrownianQueries("brownian_interval_fwd_reverse", () -> BrownianInterval.of(
            BrownianQueries.KEY, 0, 1, dim), false, true),
        new BrownianQueries("brownian_tree", () -> VirtualBrownianTree.of(
            BrownianQueries.KEY, 0, 1, dim, 1e-6), false, false));
  }

  @Override
  public String header() {
    return "W5 Brownian series: construct a (512,16) Brownian motion on [0, 1] and query its 100"
        + " increments of dt = 0.01 in order (fwd_reverse: then in reverse); ms per 100 queries"
        + " (200 for fwd_reverse), as torchsde's w5_nsde.py brownian section";
  }
}
