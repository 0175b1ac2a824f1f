package org.nde4j.bench.sde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nde4j.bench.BenchCase;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianInterval;

/** The sde suite's cases exist under the peer's names and do the queries they say. */
class SdeSuiteTest {

  @Test
  void casesAreNamedAsThePeerMapsThem() {
    List<String> names = new SdeSuite().cases().stream().map(BenchCase::name).toList();
    assertThat(names).containsExactly("brownian_plain", "brownian_interval",
        "brownian_interval_levy", "brownian_interval_dt_hint", "brownian_interval_fwd_reverse",
        "brownian_tree");
  }

  /** A call sums W over the 100 steps' first channel: the path's W(1) of that channel. */
  @Test
  void aCallQueriesTheWholePathInOrder() {
    BenchCase c = new SdeSuite().cases().get(3);
    double sum = c.call();
    int dim = BrownianQueries.BATCH * BrownianQueries.STATE;
    double[] w = new double[dim];
    BrownianInterval.of(BrownianQueries.KEY, 0, 1, dim, BrownianQueries.levy(false), 0.01,
        BrownianInterval.DEFAULT_CACHE).increment(0, 1, w);
    assertThat(sum).isCloseTo(w[0], org.assertj.core.api.Assertions.within(1e-12));
    assertThat(c.call()).isEqualTo(sum); // same key, same path on every call
    assertThat(BrownianQueries.KEY).isEqualTo(Key.of(1234));
  }
}
