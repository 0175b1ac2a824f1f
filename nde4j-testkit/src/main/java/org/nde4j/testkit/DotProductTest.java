package org.nde4j.testkit;

import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * The adjoint (dot-product) test: for random {@code u} and {@code v}, {@code ⟨u, J v⟩} computed
 * with the JVP must equal {@code ⟨Jᵀ u, v⟩} computed with the VJP to rounding error. It checks
 * that the two rules of every op are transposes of each other without any finite differences.
 */
public final class DotProductTest {
  private DotProductTest() {}

  /** Returns the relative mismatch {@code |⟨u,Jv⟩ − ⟨Jᵀu,v⟩| / max(|⟨u,Jv⟩|, ‖u‖‖Jv‖·1e-3)}. */
  public static double mismatch(TensorFn fn, Tensor[] x, Tensor[] u, Tensor[] v) {
    double[] jv = GradCheck.jvp(fn, x, v);
    double[] uf = flatten(u);
    double lhs = Norms.dot(uf, jv);
    double[][] jtu = GradCheck.vjp(fn, x, u);
    double rhs = 0;
    for (int i = 0; i < x.length; i++) {
      rhs += Norms.dot(jtu[i], v[i].dataRef());
    }
    double scale = Math.max(Math.abs(lhs), Norms.norm(uf) * Norms.norm(jv) * 1e-3);
    return Math.abs(lhs - rhs) / Math.max(scale, 1e-300);
  }

  static double[] flatten(Tensor[] t) {
    double[][] parts = new double[t.length][];
    for (int i = 0; i < t.length; i++) {
      parts[i] = t[i].dataRef();
    }
    return Norms.flat(parts);
  }
}
