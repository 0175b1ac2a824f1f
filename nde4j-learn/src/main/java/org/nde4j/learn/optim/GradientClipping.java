package org.nde4j.learn.optim;

/**
 * Gradient clipping on the flat gradient vector, in place and allocation-free.
 */
public final class GradientClipping {
  private GradientClipping() {}

  /**
   * Scales {@code grad} so that its Euclidean norm is at most about {@code maxNorm}, as {@code
   * torch.nn.utils.clip_grad_norm_}: with {@code n = ‖grad‖₂}, multiplies by {@code maxNorm / (n
   * + 1e-6)} when that is below 1, otherwise leaves it. Over the flat vector this is the
   * <em>global</em> norm of all parameters together (Pascanu, Mikolov &amp; Bengio, ICML 2013,
   * arXiv:1211.5063, Algorithm 1). If {@code n} is not finite the gradient is left unchanged, so
   * the caller can see the returned norm and skip the step.
   *
   * @return the norm before clipping
   * @throws IllegalArgumentException naming {@code maxNorm} unless it is finite and {@code > 0}
   */
  public static double byGlobalNorm(double[] grad, double maxNorm) {
    Checks.positive("maxNorm", maxNorm);
    double norm = norm(grad);
    double coef = maxNorm / (norm + 1e-6);
    if (Double.isFinite(norm) && coef < 1) {
      for (int i = 0; i < grad.length; i++) {
        grad[i] *= coef;
      }
    }
    return norm;
  }

  /**
   * Clamps each element of {@code grad} to {@code [−limit, limit]}, as {@code
   * torch.nn.utils.clip_grad_value_}; NaN elements stay NaN.
   *
   * @throws IllegalArgumentException naming {@code limit} unless it is finite and {@code > 0}
   */
  public static void byValue(double[] grad, double limit) {
    Checks.positive("limit", limit);
    for (int i = 0; i < grad.length; i++) {
      double g = grad[i];
      if (g > limit) {
        grad[i] = limit;
      } else if (g < -limit) {
        grad[i] = -limit;
      }
    }
  }

  /** The Euclidean norm, scaled against overflow and underflow (as LAPACK's {@code dnrm2}); NaN or
   * infinite if an element is. */
  public static double norm(double[] x) {
    double scale = 0;
    double ssq = 1;
    for (double v : x) {
      if (v != 0) {
        double a = Math.abs(v);
        if (scale < a) {
          ssq = 1 + ssq * (scale / a) * (scale / a);
          scale = a;
        } else {
          ssq += (a / scale) * (a / scale);
        }
      }
    }
    return scale * Math.sqrt(ssq);
  }
}
