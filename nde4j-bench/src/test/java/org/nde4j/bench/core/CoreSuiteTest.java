package org.nde4j.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nde4j.bench.BenchCase;

/**
 * The floor cases of {@code bench core} compute what they time: each product agrees with a
 * triple loop, and each elementwise kernel with {@link Math}'s function within the kernels'
 * 1e-14 contract (docs/core.md).
 */
class CoreSuiteTest {
  @Test
  void productAndKernelCasesAgreeWithTheirReferences() {
    int products = 0;
    int kernels = 0;
    for (BenchCase c : new CoreSuite().cases()) {
      if (c instanceof GemmCase) {
        c.prepare();
        // inner products of up to 1024 standard-normal terms: rounding stays near 1e-13
        assertThat(c.error()).as(c.name()).isNotNull().isLessThan(1e-11);
        products++;
      } else if (c instanceof KernelCase) {
        c.prepare();
        if (!c.name().startsWith("normal")) {
          assertThat(c.error()).as(c.name()).isNotNull().isLessThan(1e-14);
        }
        assertThat(Double.isFinite(c.call())).as(c.name()).isTrue();
        kernels++;
      }
    }
    assertThat(products).isEqualTo(16);
    assertThat(kernels).isEqualTo(5);
  }
}
