package org.nde4j.modelfile;

/**
 * A named parameter. {@code fit}, {@code lower} and {@code upper} come from the mapping form
 * {@code k: {value: 1.0, fit: true, lower: 0, upper: 10}} and are kept for parameter fitting;
 * absent bounds are infinite, {@code fit} defaults to false.
 *
 * @param value finite, within {@code [lower, upper]}
 */
public record Parameter(String name, double value, boolean fit, double lower, double upper) {
  /** @throws IllegalArgumentException if the value is not finite or lies outside the bounds */
  public Parameter {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("parameter '" + name + "' must be finite, got " + value);
    }
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("parameter '" + name + "': lower bound " + lower
          + " is above upper bound " + upper);
    }
    if (value < lower || value > upper) {
      throw new IllegalArgumentException("parameter '" + name + "': value " + value
          + " is outside its bounds [" + lower + ", " + upper + "]");
    }
  }

  /** A parameter with a value only: not fitted, unbounded. */
  public static Parameter of(String name, double value) {
    return new Parameter(name, value, false, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** The same parameter with another value. */
  public Parameter withValue(double v) {
    return new Parameter(name, v, fit, lower, upper);
  }
}
