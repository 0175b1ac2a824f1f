package org.nde4j.testkit;

import org.nde4j.autodiff.Autodiff;
import org.nde4j.autodiff.GradMode;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * Derivatives by central finite differences, to check analytic VJPs and JVPs against. All
 * functions are evaluated eagerly with taping off.
 */
public final class GradCheck {
  /** Default step: near the optimum (eps^(1/3)) for central differences of smooth functions. */
  public static final double STEP = 1e-5;

  private GradCheck() {}

  /** Evaluates {@code fn} with recording off and flattens all outputs into one vector. */
  public static double[] evalFlat(TensorFn fn, Tensor... x) {
    try (GradMode.Scope s = GradMode.off()) {
      Tensor[] y = fn.apply(x);
      int n = 0;
      for (Tensor t : y) {
        n += t.size();
      }
      double[] out = new double[n];
      int off = 0;
      for (Tensor t : y) {
        t.copyTo(out, off);
        off += t.size();
      }
      return out;
    }
  }

  /**
   * Central-difference directional derivative {@code (f(x + h v) - f(x - h v)) / 2h}, flattened
   * over all outputs.
   */
  public static double[] directional(TensorFn fn, Tensor[] x, Tensor[] v, double h) {
    Tensor[] xp = new Tensor[x.length];
    Tensor[] xm = new Tensor[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] a = x[i].toArray();
      double[] b = x[i].toArray();
      double[] d = v[i].dataRef();
      for (int j = 0; j < a.length; j++) {
        a[j] += h * d[j];
        b[j] -= h * d[j];
      }
      xp[i] = Tensor.wrap(a, x[i].shape());
      xm[i] = Tensor.wrap(b, x[i].shape());
    }
    double[] fp = evalFlat(fn, xp);
    double[] fm = evalFlat(fn, xm);
    double[] r = new double[fp.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = (fp[j] - fm[j]) / (2 * h);
    }
    return r;
  }

  /**
   * The full VJP {@code Jᵀ u} by central differences, one input element at a time (cost: two
   * evaluations per input element): returns one array per input.
   */
  public static double[][] vjpByDifferences(TensorFn fn, Tensor[] x, double[] u, double h) {
    double[][] r = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      r[i] = new double[x[i].size()];
      for (int j = 0; j < x[i].size(); j++) {
        Tensor[] v = new Tensor[x.length];
        for (int k = 0; k < x.length; k++) {
          v[k] = Tensor.zeros(x[k].shape());
        }
        double[] e = new double[x[i].size()];
        e[j] = 1.0;
        v[i] = Tensor.wrap(e, x[i].shape());
        r[i][j] = Norms.dot(u, directional(fn, x, v, h));
      }
    }
    return r;
  }

  /** The analytic VJP by eager reverse mode, one flat array per input. */
  public static double[][] vjp(TensorFn fn, Tensor[] x, Tensor[] cotangents) {
    Tensor[] r = Autodiff.vjp(fn, x, cotangents, false);
    double[][] out = new double[x.length][];
    int nOut = r.length - x.length;
    for (int i = 0; i < x.length; i++) {
      out[i] = r[nOut + i].toArray();
    }
    return out;
  }

  /** The analytic JVP by eager forward mode, flattened over all outputs. */
  public static double[] jvp(TensorFn fn, Tensor[] x, Tensor[] tangents) {
    Tensor[] r = Autodiff.jvp(fn, x, tangents);
    int nOut = r.length / 2;
    int n = 0;
    for (int i = nOut; i < r.length; i++) {
      n += r[i].size();
    }
    double[] out = new double[n];
    int off = 0;
    for (int i = nOut; i < r.length; i++) {
      r[i].copyTo(out, off);
      off += r[i].size();
    }
    return out;
  }
}
