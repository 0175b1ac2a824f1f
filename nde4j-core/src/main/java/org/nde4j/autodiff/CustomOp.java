package org.nde4j.autodiff;

import java.util.Objects;
import org.nde4j.tensor.Kernel;
import org.nde4j.tensor.NotDifferentiableException;
import org.nde4j.tensor.Op;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * An op defined by the user: a shape rule, a forward computation on arrays, and optional VJP and
 * JVP rules (JAX's {@code custom_vjp}/{@code custom_jvp}). This is how a differential-equation
 * solve, a fixed-point solve or a hand-tuned kernel enters eager and traced computations as one
 * node. Differentiating through a custom op that lacks the needed rule throws
 * {@link NotDifferentiableException} naming the op.
 *
 * <pre>{@code
 * CustomOp cube = CustomOp.builder("cube")
 *     .shape(in -> in[0])
 *     .forward((in, shapes, out) -> { for (int i = 0; i < out.length; i++) out[i] = Math.pow(in[0][i], 3); })
 *     .vjp((in, out, g) -> new Tensor[] {g.mul(in[0].square().mul(3.0))})
 *     .build();
 * Tensor y = cube.apply(x);
 * }</pre>
 *
 * <p>Rules are written in ops so they compose; the forward computation must not keep references
 * to the arrays it is given and must be safe to call from the thread that runs the op.
 */
public final class CustomOp implements Op {

  /** Output shape from operand shapes; throw {@code ShapeException} to reject operands. */
  @FunctionalInterface
  public interface ShapeRule {
    Shape apply(Shape[] in);
  }

  /** Computes {@code out} (already sized) from operand arrays. */
  @FunctionalInterface
  public interface Forward {
    void compute(double[][] in, Shape[] inShapes, double[] out);
  }

  /** Cotangents of the operands ({@code null} entries: no gradient). */
  @FunctionalInterface
  public interface VjpRule {
    Tensor[] apply(Tensor[] in, Tensor out, Tensor g);
  }

  /** Output tangent from operand tangents ({@code null} entries are zero). */
  @FunctionalInterface
  public interface JvpRule {
    Tensor apply(Tensor[] in, Tensor out, Tensor[] t);
  }

  private final String name;
  private final ShapeRule shape;
  private final Forward forward;
  private final VjpRule vjp;
  private final JvpRule jvp;

  private CustomOp(Builder b) {
    this.name = b.name;
    this.shape = Objects.requireNonNull(b.shape, "custom op '" + b.name + "': shape rule missing");
    this.forward = Objects.requireNonNull(b.forward,
        "custom op '" + b.name + "': forward computation missing");
    this.vjp = b.vjp;
    this.jvp = b.jvp;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Applies this op (eagerly, or as a graph node while tracing). */
  public Tensor apply(Tensor... in) {
    return Tensor.apply(this, in);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Shape outputShape(Shape... in) {
    return shape.apply(in);
  }

  @Override
  public Kernel kernel(Shape[] in, Shape out) {
    Shape[] s = in.clone();
    return (x, o) -> forward.compute(x, s, o);
  }

  @Override
  public Tensor[] vjp(Tensor[] in, Tensor out, Tensor g) {
    if (vjp == null) {
      throw new NotDifferentiableException("custom op '" + name + "' (operand shapes "
          + shapes(in) + ") has no VJP rule; reverse-mode derivatives cannot pass through it");
    }
    return vjp.apply(in, out, g);
  }

  @Override
  public Tensor jvp(Tensor[] in, Tensor out, Tensor[] t) {
    if (jvp == null) {
      throw new NotDifferentiableException("custom op '" + name + "' (operand shapes "
          + shapes(in) + ") has no JVP rule; forward-mode derivatives cannot pass through it");
    }
    return jvp.apply(in, out, t);
  }

  private static String shapes(Tensor[] in) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < in.length; i++) {
      sb.append(i > 0 ? ", " : "").append(in[i].shape());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "custom:" + name;
  }

  /** Builder for {@link CustomOp}. */
  public static final class Builder {
    private final String name;
    private ShapeRule shape;
    private Forward forward;
    private VjpRule vjp;
    private JvpRule jvp;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder shape(ShapeRule rule) {
      this.shape = rule;
      return this;
    }

    public Builder forward(Forward f) {
      this.forward = f;
      return this;
    }

    public Builder vjp(VjpRule rule) {
      this.vjp = rule;
      return this;
    }

    public Builder jvp(JvpRule rule) {
      this.jvp = rule;
      return this;
    }

    /**
     * @throws NullPointerException naming the op if the shape rule or forward is missing
     */
    public CustomOp build() {
      return new CustomOp(this);
    }
  }
}
