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
    assertThat(names).containsExactly("w5_em_fwd", "w5_em_fwd_bwd_direct",
        "w5_em_fwd_bwd_adjoint", "w5_revheun_fwd",
        "w5_revheun_fwd_bwd_direct", "w5_revheun_fwd_bwd_adjoint", "w5_srk_fwd",
        "w5_srk_fwd_bwd_direct", "brownian_plain", "brownian_interval_query",
        "brownian_interval_query_levy", "brownian_interval_dt_hint", "brownian_interval_fwd_reverse",
        "brownian_tree_query");
  }

  /** A call sums W over the 100 steps' first channel: the path's W(1) of that channel. */
  @Test
  void aCallQueriesTheWholePathInOrder() {
    BenchCase c = new SdeSuite().cases().stream()
        .filter(b -> b.name().equals("brownian_interval_dt_hint")).findFirst().orElseThrow();
    double sum = c.call();
    int dim = BrownianQueries.BATCH * BrownianQueries.STATE;
    double[] w = new double[dim];
    BrownianInterval.of(BrownianQueries.KEY, 0, 1, dim, BrownianQueries.levy(false), 0.01,
        BrownianInterval.DEFAULT_CACHE).increment(0, 1, w);
    assertThat(sum).isCloseTo(w[0], org.assertj.core.api.Assertions.within(1e-12));
    assertThat(c.call()).isEqualTo(sum); // same key, same path on every call
    assertThat(BrownianQueries.KEY).isEqualTo(Key.of(1234));
  }

  @Test
  void peerConfigsMapToTheCaseNames() {
    assertThat(TorchsdePeer.caseName("euler", "fwd_bwd_adjoint"))
        .isEqualTo("w5_em_fwd_bwd_adjoint");
    assertThat(TorchsdePeer.caseName("reversible_heun", "fwd_bwd_direct"))
        .isEqualTo("w5_revheun_fwd_bwd_direct");
    assertThat(TorchsdePeer.caseName("srk", "fwd")).isEqualTo("w5_srk_fwd");
    assertThat(TorchsdePeer.caseName("milstein", "fwd")).isNull();
  }

  @Test
  void thePeerRunsOnlyThePartOfTheScriptTheCasesNeed() {
    assertThat(TorchsdePeer.only(List.of())).isEmpty();
    assertThat(TorchsdePeer.only(List.of("w5_em_fwd", "w5_em_fwd_bwd_direct"))).isEqualTo("euler");
    assertThat(TorchsdePeer.only(List.of("w5_revheun_fwd_bwd_adjoint")))
        .isEqualTo("reversible_heun");
    assertThat(TorchsdePeer.only(List.of("brownian_plain", "brownian_tree_query")))
        .isEqualTo("brownian");
    // cases from two parts: the whole script
    assertThat(TorchsdePeer.only(List.of("w5_em_fwd", "brownian_plain"))).isEmpty();
    assertThat(TorchsdePeer.only(List.of("w5_srk_fwd", "w5_em_fwd"))).isEmpty();
  }
}
