package org.nde4j.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BandedLuAndGmresTest {
  private static double[] banded(int n, int kl, int ku, Random r, boolean dominant) {
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
        a[i * n + j] = r.nextGaussian();
      }
      if (dominant) {
        a[i * n + i] += 2 * (kl + ku + 1);
      }
    }
    return a;
  }

  private static double[] times(double[] a, double[] x) {
    int n = x.length;
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        b[i] += a[i * n + j] * x[j];
      }
    }
    return b;
  }

  @Test
  void bandedLuMatchesDenseLuWithPivoting() {
    Random r = new Random(5);
    for (int[] c : new int[][] {{1, 0, 0}, {6, 1, 1}, {20, 2, 3}, {40, 0, 4}, {40, 5, 0}}) {
      int n = c[0];
      double[] a = banded(n, c[1], c[2], r, false);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextGaussian();
      }
      double[] b = times(a, x);
      BandedLu lu = new BandedLu(n, c[1], c[2]);
      assertThat(lu.factor(a)).isTrue();
      double[] got = b.clone();
      lu.solve(got);
      DenseLu dense = new DenseLu(n);
      dense.factor(a);
      double[] ref = b.clone();
      dense.solve(ref);
      for (int i = 0; i < n; i++) {
        assertThat(got[i]).as("n=%d kl=%d ku=%d", n, c[1], c[2])
            .isCloseTo(ref[i], within(1e-9 * (1 + Math.abs(ref[i]))));
      }
    }
  }

  @Test
  void bandStorageAndSingularity() {
    // tridiagonal [-1 2 -1]: band rows (sub, diag, super)
    int n = 5;
    double[] band = new double[n * 3];
    for (int i = 0; i < n; i++) {
      band[i * 3] = -1;
      band[i * 3 + 1] = 2;
      band[i * 3 + 2] = -1;
    }
    BandedLu lu = new BandedLu(n, 1, 1);
    assertThat(lu.factorBand(band)).isTrue();
    double[] b = {1, 0, 0, 0, 1};
    lu.solve(b);
    for (double v : b) {
      assertThat(v).isCloseTo(1, within(1e-14));   // [-1 2 -1]·1 = (1, 0, 0, 0, 1)
    }
    assertThat(new BandedLu(2, 1, 1).factor(new double[] {1, 1, 1, 1})).isFalse();
    assertThatThrownBy(() -> new BandedLu(3, -1, 0)).hasMessageContaining("kl=-1");
  }

  @Test
  void gmresSolvesWellConditionedSystemsMatrixFree() {
    Random r = new Random(9);
    int n = 50;
    double[] a = banded(n, 3, 3, r, true);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
    }
    double[] b = times(a, x);
    Gmres gmres = new Gmres(n, 20);
    double[] got = new double[n];
    boolean ok = gmres.solve((in, out) -> {
      double[] p = times(a, in);
      System.arraycopy(p, 0, out, 0, n);
    }, b, got, 1e-12, 500);
    assertThat(ok).isTrue();
    for (int i = 0; i < n; i++) {
      assertThat(got[i]).isCloseTo(x[i], within(1e-9));
    }
    assertThat(gmres.iterations()).isPositive();
    // the residual reported is the true one
    double[] res = times(a, got);
    double rn = 0;
    double bn = 0;
    for (int i = 0; i < n; i++) {
      rn += (res[i] - b[i]) * (res[i] - b[i]);
      bn += b[i] * b[i];
    }
    assertThat(Math.sqrt(rn / bn)).isLessThan(1e-11);
  }
}
