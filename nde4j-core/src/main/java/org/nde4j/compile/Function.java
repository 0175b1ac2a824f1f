package org.nde4j.compile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * A user function with caches: traced once per combination of input shapes (graphs are immutable
 * and shared between threads) and compiled once per shapes and thread (plans own buffers).
 *
 * <pre>{@code
 * Function f = Function.of(in -> new Tensor[] {in[0].matmul(in[1]).tanh()});
 * Plan p = f.plan(Shape.of(20, 2), Shape.of(2, 50));   // traced + compiled, then cached
 * Plan g = Transforms.vjp(f.trace(Shape.of(20, 2), Shape.of(2, 50))).compile();
 * }</pre>
 */
public final class Function {
  private final TensorFn fn;
  private final Map<List<Shape>, Graph> graphs = new ConcurrentHashMap<>();
  private final ThreadLocal<Map<List<Shape>, Plan>> plans = ThreadLocal.withInitial(HashMap::new);

  private Function(TensorFn fn) {
    this.fn = fn;
  }

  public static Function of(TensorFn fn) {
    return new Function(fn);
  }

  /** The function itself (runs eagerly). */
  public TensorFn fn() {
    return fn;
  }

  /** The graph traced for these input shapes (cached). */
  public Graph trace(Shape... shapes) {
    return graphs.computeIfAbsent(List.of(shapes), k -> Graph.trace(fn, shapes));
  }

  /** The compiled plan for these input shapes, cached for the calling thread. */
  public Plan plan(Shape... shapes) {
    List<Shape> key = Arrays.asList(shapes.clone());
    Map<List<Shape>, Plan> m = plans.get();
    Plan p = m.get(key);
    if (p == null) {
      p = trace(shapes).compile();
      m.put(key, p);
    }
    return p;
  }

  /** Runs the cached plan for the inputs' shapes on concrete tensors. */
  public Tensor[] call(Tensor... inputs) {
    Shape[] s = new Shape[inputs.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = inputs[i].shape();
    }
    return plan(s).call(inputs);
  }
}
