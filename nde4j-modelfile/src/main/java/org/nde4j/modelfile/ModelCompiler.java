package org.nde4j.modelfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.expr.Expr;
import org.nde4j.expr.ExprCompiler;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.ShapeException;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * Builds the {@code (t, y, p)} tensor functions of a model: binds each state to its column of
 * {@code y} (shape {@code [...]}, the batch axes), each parameter to its element of {@code p}
 * (rank 0) and {@code t} to {@code t}, compiles the expressions, broadcasts them to the batch
 * shape and stacks them along the last axis. Calls of declared networks go to the supplied
 * functions.
 */
final class ModelCompiler {
  private final String model;
  private final List<String> states;
  private final List<String> params;
  private final Map<String, TensorFn> functions;

  ModelCompiler(String model, List<String> states, List<String> params,
      Map<String, TensorFn> functions) {
    this.model = model;
    this.states = states;
    this.params = params;
    this.functions = functions;
  }

  /** {@code (t, y, p) -> [dy]}, one expression per state. */
  TensorFn stacked(String what, List<Expr> perState) {
    return in -> {
      Map<String, Tensor> b = bind(what, in);
      Tensor y = in[1];
      Shape batch = y.shape().drop(y.rank() - 1);
      Tensor[] parts = new Tensor[perState.size()];
      for (int i = 0; i < parts.length; i++) {
        Expr e = perState.get(i);
        parts[i] = e == null ? b.get(states.get(i))
            : toBatch(ExprCompiler.compile(e, b, functions), batch);
      }
      return new Tensor[] {Tensor.stack(batch.rank(), parts)};
    };
  }

  /** {@code (t, y, p) -> [value]} of shape {@code y.shape()} without its last axis. */
  TensorFn scalar(String what, Expr e) {
    return in -> {
      Map<String, Tensor> b = bind(what, in);
      Tensor y = in[1];
      Tensor v = ExprCompiler.compile(e, b, functions);
      return new Tensor[] {toBatch(v, y.shape().drop(y.rank() - 1))};
    };
  }

  private static Tensor toBatch(Tensor v, Shape batch) {
    return v.shape().equals(batch) ? v : v.broadcastTo(batch);
  }

  private Map<String, Tensor> bind(String what, Tensor[] in) {
    if (in.length != 3) {
      throw new IllegalArgumentException(what + " of model '" + model
          + "' takes (t, y, p), got " + in.length + " inputs");
    }
    Tensor t = in[0];
    Tensor y = in[1];
    Tensor p = in[2];
    if (t.rank() != 0) {
      throw new ShapeException(what + " of model '" + model + "': t must have shape [] but has "
          + t.shape());
    }
    if (y.rank() < 1 || y.shape().dim(y.rank() - 1) != states.size()) {
      throw new ShapeException(what + " of model '" + model + "': y must have shape [..., "
          + states.size() + "] (states " + String.join(" ", states) + ") but has " + y.shape());
    }
    if (!p.shape().equals(Shape.of(params.size()))) {
      throw new ShapeException(what + " of model '" + model + "': p must have shape ["
          + params.size() + "] but has " + p.shape());
    }
    Map<String, Tensor> b = new HashMap<>();
    int last = y.rank() - 1;
    for (int i = 0; i < states.size(); i++) {
      b.put(states.get(i), y.index(last, i));
    }
    for (int j = 0; j < params.size(); j++) {
      b.put(params.get(j), p.index(0, j));
    }
    b.put(ModelFile.TIME, t);
    return b;
  }
}
