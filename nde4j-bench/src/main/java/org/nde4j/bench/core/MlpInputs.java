package org.nde4j.bench.core;

import org.nde4j.bench.Mlp;
import org.nde4j.random.Key;
import org.nde4j.tensor.Tensor;

/**
 * Seed-fixed inputs for the MLP cases: {@code x ~ N(0,1)}, PyTorch-default weights and an output
 * cotangent {@code ȳ ~ N(0,1)}, as the peer script {@code mlp_fwd_vjp.py} uses.
 *
 * @param x input batch {@code [batch, in]}
 * @param params {@code W1, b1, …}
 * @param cotangent {@code [batch, out]}
 */
record MlpInputs(Tensor x, Tensor[] params, Tensor cotangent) {

  static MlpInputs draw(Mlp mlp, int batch, long seed) {
    Key[] k = Key.of(seed).split(3);
    return new MlpInputs(Tensor.normal(k[0], batch, mlp.inputWidth()), mlp.initParameters(k[1]),
        Tensor.normal(k[2], batch, mlp.outputWidth()));
  }

  /** {@code [x, W1, b1, …]}. */
  Tensor[] fnInputs() {
    Tensor[] in = new Tensor[params.length + 1];
    in[0] = x;
    System.arraycopy(params, 0, in, 1, params.length);
    return in;
  }

  static double[][] arrays(Tensor... ts) {
    double[][] a = new double[ts.length][];
    for (int i = 0; i < ts.length; i++) {
      a[i] = ts[i].toArray();
    }
    return a;
  }

  static double maxAbsDiff(double[][] a, Tensor[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      double[] bi = b[i].toArray();
      for (int j = 0; j < bi.length; j++) {
        m = Math.max(m, Math.abs(a[i][j] - bi[j]));
      }
    }
    return m;
  }
}
