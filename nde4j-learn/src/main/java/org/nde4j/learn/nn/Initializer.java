package org.nde4j.learn.nn;

import java.util.Arrays;
import org.nde4j.random.Key;

/**
 * Fills a parameter's elements with initial values drawn from a {@link Key}: the same key and
 * fans give the same values, bit for bit (DESIGN.md §1.8). {@code fanIn} and {@code fanOut} are
 * those of the layer the parameter belongs to (for a {@code Linear(in, out)} layer's weight and
 * bias alike: {@code in} and {@code out}), as in {@code torch.nn.init}.
 *
 * <p>Uniform draws come from {@link Key#uniform(double[], int, int)} mapped affinely from
 * {@code [0, 1)}, normal draws from {@link Key#normal(double[], int, int)} scaled.
 */
@FunctionalInterface
public interface Initializer {

  /**
   * Writes {@code length} values to {@code out[offset, offset + length)}.
   *
   * @throws IllegalArgumentException naming {@code fanIn}/{@code fanOut} if the rule needs a
   *     positive fan and gets none
   */
  void fill(Key key, int fanIn, int fanOut, double[] out, int offset, int length);

  /** All zeros. */
  static Initializer zeros() {
    return constant(0.0);
  }

  /** All equal to {@code value} (e.g. 1 for a LayerNorm gain). */
  static Initializer constant(double value) {
    return (key, fanIn, fanOut, out, offset, length) ->
        Arrays.fill(out, offset, offset + length, value);
  }

  /**
   * Uniform on {@code [-bound, bound)}.
   *
   * @throws IllegalArgumentException naming {@code bound} unless it is finite and {@code >= 0}
   */
  static Initializer uniform(double bound) {
    InitRules.checkScale("bound", bound);
    return (key, fanIn, fanOut, out, offset, length) ->
        InitRules.uniform(key, bound, out, offset, length);
  }

  /**
   * Normal with mean 0 and standard deviation {@code std} ({@code torch.nn.init.normal_}).
   *
   * @throws IllegalArgumentException naming {@code std} unless it is finite and {@code >= 0}
   */
  static Initializer normal(double std) {
    InitRules.checkScale("std", std);
    return (key, fanIn, fanOut, out, offset, length) ->
        InitRules.normal(key, std, out, offset, length);
  }

  /**
   * PyTorch's default for {@code nn.Linear} weights and biases (and all {@code nn.GRUCell}
   * parameters with {@code fanIn} = hidden size): uniform on {@code ±1/√fanIn}. For the weight
   * this is {@code kaiming_uniform_(a = √5)}, whose bound {@code gain·√(3/fanIn)} with {@code gain
   * = √(2/(1 + a²))} simplifies to {@code 1/√fanIn}.
   */
  static Initializer pytorchDefault() {
    return (key, fanIn, fanOut, out, offset, length) -> InitRules.uniform(key,
        1.0 / Math.sqrt(InitRules.positive("fanIn", fanIn)), out, offset, length);
  }

  /**
   * Glorot (Xavier) uniform: {@code U(±gain·√(6/(fanIn + fanOut)))}. Glorot &amp; Bengio, AISTATS
   * 2010, eq. 16.
   */
  static Initializer glorotUniform(double gain) {
    InitRules.checkScale("gain", gain);
    return (key, fanIn, fanOut, out, offset, length) -> InitRules.uniform(key,
        gain * Math.sqrt(6.0 / InitRules.positive("fanIn + fanOut", fanIn + fanOut)), out,
        offset, length);
  }

  /** Glorot (Xavier) normal: {@code N(0, (gain·√(2/(fanIn + fanOut)))²)}. */
  static Initializer glorotNormal(double gain) {
    InitRules.checkScale("gain", gain);
    return (key, fanIn, fanOut, out, offset, length) -> InitRules.normal(key,
        gain * Math.sqrt(2.0 / InitRules.positive("fanIn + fanOut", fanIn + fanOut)), out,
        offset, length);
  }

  /**
   * He (Kaiming) normal for ReLU layers, fan-in mode: {@code N(0, 2/fanIn)} ({@code
   * kaiming_normal_} with its defaults). He et al., ICCV 2015, arXiv:1502.01852, eq. 10.
   */
  static Initializer heNormal() {
    return (key, fanIn, fanOut, out, offset, length) -> InitRules.normal(key,
        Math.sqrt(2.0 / InitRules.positive("fanIn", fanIn)), out, offset, length);
  }
}
