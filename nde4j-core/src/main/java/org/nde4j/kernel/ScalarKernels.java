package org.nde4j.kernel;

/**
 * Plain-Java kernels that run on every JVM. Loops are shaped so that C2 can auto-vectorise the
 * inner ones (the i-k-j product order keeps the innermost loop a contiguous axpy).
 */
public final class ScalarKernels implements Kernels {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void gemm(boolean ta, boolean tb, int m, int n, int k,
      double[] a, int ao, double[] b, int bo, double[] c, int co) {
    java.util.Arrays.fill(c, co, co + m * n, 0.0);
    if (!tb) {
      // C[i,:] += op(A)[i,p] * B[p,:] : contiguous inner loop over j.
      for (int i = 0; i < m; i++) {
        int ci = co + i * n;
        for (int p = 0; p < k; p++) {
          double aip = ta ? a[ao + p * m + i] : a[ao + i * k + p];
          if (aip == 0.0) {
            continue;
          }
          int bp = bo + p * n;
          for (int j = 0; j < n; j++) {
            c[ci + j] += aip * b[bp + j];
          }
        }
      }
    } else {
      // B stored n×k: C[i,j] = dot(op(A)[i,:], B[j,:]).
      for (int i = 0; i < m; i++) {
        int ci = co + i * n;
        for (int j = 0; j < n; j++) {
          int bj = bo + j * k;
          double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          int p = 0;
          if (!ta) {
            int ai = ao + i * k;
            for (; p + 3 < k; p += 4) {
              s0 += a[ai + p] * b[bj + p];
              s1 += a[ai + p + 1] * b[bj + p + 1];
              s2 += a[ai + p + 2] * b[bj + p + 2];
              s3 += a[ai + p + 3] * b[bj + p + 3];
            }
            for (; p < k; p++) {
              s0 += a[ai + p] * b[bj + p];
            }
          } else {
            for (; p < k; p++) {
              s0 += a[ao + p * m + i] * b[bj + p];
            }
          }
          c[ci + j] = (s0 + s1) + (s2 + s3);
        }
      }
    }
  }

  @Override
  public void exp(double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] = Math.exp(x[xo + i]);
    }
  }

  @Override
  public void tanh(double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] = tanh(x[xo + i]);
    }
  }

  @Override
  public void sigmoid(double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] = sigmoid(x[xo + i]);
    }
  }

  @Override
  public void softplus(double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] = softplus(x[xo + i]);
    }
  }

  /** tanh through expm1, accurate near 0 and saturating cleanly for large |x|. */
  public static double tanh(double x) {
    double ax = Math.abs(x);
    if (ax > 22.0) {
      return Math.copySign(1.0, x);
    }
    double e = Math.expm1(2.0 * ax);
    return Math.copySign(e / (e + 2.0), x);
  }

  /** Logistic sigmoid without overflow for either sign. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /** log(1 + e^x) as max(x, 0) + log1p(e^-|x|). */
  public static double softplus(double x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
