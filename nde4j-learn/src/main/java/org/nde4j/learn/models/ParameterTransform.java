package org.nde4j.learn.models;

import org.nde4j.modelfile.Parameter;
import org.nde4j.tensor.Tensor;

/**
 * How a fitted parameter's value is reached from its unconstrained coordinate {@code u} in θ,
 * chosen by its bounds: none → {@code u}; lower only ({@code positive: true} is lower 0) → {@code
 * lo + exp(u)}; upper only → {@code hi − exp(u)}; both → {@code lo + (hi − lo)·sigmoid(u)}. So
 * every θ gives a value strictly inside the bounds and the optimiser needs no projection.
 */
enum ParameterTransform {
  IDENTITY, LOWER, UPPER, INTERVAL;

  static ParameterTransform of(Parameter p) {
    boolean lo = Double.isFinite(p.lower());
    boolean hi = Double.isFinite(p.upper());
    return lo && hi ? INTERVAL : lo ? LOWER : hi ? UPPER : IDENTITY;
  }

  /** The value for coordinate {@code u} (a rank-0 tensor, on the tape or symbolic). */
  Tensor value(Parameter p, Tensor u) {
    switch (this) {
      case LOWER:
        return u.exp().add(Tensor.scalar(p.lower()));
      case UPPER:
        return Tensor.scalar(p.upper()).sub(u.exp());
      case INTERVAL:
        return u.sigmoid().mul(Tensor.scalar(p.upper() - p.lower())).add(Tensor.scalar(p.lower()));
      default:
        return u;
    }
  }

  /** {@link #value} on a double. */
  double value(Parameter p, double u) {
    switch (this) {
      case LOWER:
        return p.lower() + Math.exp(u);
      case UPPER:
        return p.upper() - Math.exp(u);
      case INTERVAL:
        return p.lower() + (p.upper() - p.lower()) / (1 + Math.exp(-u));
      default:
        return u;
    }
  }

  /** The coordinate of {@code x}, which lies strictly inside the bounds. */
  double coordinate(Parameter p, double x) {
    switch (this) {
      case LOWER:
        return Math.log(x - p.lower());
      case UPPER:
        return Math.log(p.upper() - x);
      case INTERVAL:
        double r = (x - p.lower()) / (p.upper() - p.lower());
        return Math.log(r / (1 - r));
      default:
        return x;
    }
  }
}
