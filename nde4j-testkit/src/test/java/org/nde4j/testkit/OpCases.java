package org.nde4j.testkit;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;
import org.nde4j.tensor.op.UnaryFn;

/**
 * Every op of the core, each as a small function with an input generator. Each case is
 * instantiated at three random shapes (incl. broadcasting where the op broadcasts); values avoid
 * kinks and poles so that central differences are valid.
 */
final class OpCases {
  private OpCases() {}

  /** One op at one shape: a function and its inputs. */
  record Case(String name, TensorFn fn, Tensor[] inputs) {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(name).append(' ');
      for (Tensor t : inputs) {
        sb.append(t.shape());
      }
      return sb.toString();
    }
  }

  interface Gen {
    Case make(RandomShapes r);
  }

  static List<Case> all(long seed) {
    List<Gen> gens = new ArrayList<>();
    for (UnaryFn f : UnaryFn.values()) {
      if (!f.differentiable()) {
        continue;
      }
      double lo;
      double hi;
      boolean away = false;
      switch (f) {
        case LOG:
        case SQRT:
          lo = 0.3;
          hi = 2.0;
          break;
        case LOG1P:
          lo = -0.5;
          hi = 2.0;
          break;
        case TAN:
          lo = -1.2;
          hi = 1.2;
          break;
        case RELU:
        case ABS:
          lo = 0.1;
          hi = 2.0;
          away = true;
          break;
        default:
          lo = -2.5;
          hi = 2.5;
      }
      double flo = lo;
      double fhi = hi;
      boolean faway = away;
      gens.add(r -> {
        Shape s = r.shape(r.nextInt(4), 4);
        Tensor x = faway ? r.awayFromZero(s, flo, fhi) : r.uniform(s, flo, fhi);
        return new Case(f.opName(), in -> new Tensor[] {in[0].map(f)}, new Tensor[] {x});
      });
    }
    binary(gens, "add", (a, b) -> a.add(b), -2, 2, -2, 2, false);
    binary(gens, "sub", (a, b) -> a.sub(b), -2, 2, -2, 2, false);
    binary(gens, "mul", (a, b) -> a.mul(b), -2, 2, -2, 2, false);
    binary(gens, "div", (a, b) -> a.div(b), -2, 2, 0.5, 2, true);
    binary(gens, "pow", (a, b) -> a.pow(b), 0.5, 2, -2, 2, false);
    binary(gens, "maximum", (a, b) -> a.maximum(b), -2, 2, -2, 2, false);
    binary(gens, "minimum", (a, b) -> a.minimum(b), -2, 2, -2, 2, false);
    gens.add(r -> {
      Shape full = r.shape(1 + r.nextInt(3), 4);
      Shape cs = r.broadcastable(full);
      Tensor c = r.uniform(cs, -1, 1).gt(0.0);
      Shape as = r.nextInt(2) == 0 ? full : r.broadcastable(full);
      Shape bs = as == full ? r.broadcastable(full) : full;
      return new Case("where", in -> new Tensor[] {Tensor.where(c, in[0], in[1])},
          new Tensor[] {r.uniform(as, -2, 2), r.uniform(bs, -2, 2)});
    });
    gens.add(r -> {
      int m = 1 + r.nextInt(4);
      int k = 1 + r.nextInt(4);
      int n = 1 + r.nextInt(4);
      boolean ta = r.nextInt(2) == 0;
      boolean tb = r.nextInt(2) == 0;
      Shape sa;
      Shape sb;
      switch (r.nextInt(3)) {
        case 0:
          sa = ta ? Shape.of(k, m) : Shape.of(m, k);
          sb = tb ? Shape.of(n, k) : Shape.of(k, n);
          break;
        case 1:
          sa = ta ? Shape.of(2, k, m) : Shape.of(2, m, k);
          sb = tb ? Shape.of(n, k) : Shape.of(k, n);
          break;
        default:
          sa = ta ? Shape.of(2, 1, k, m) : Shape.of(2, 1, m, k);
          sb = tb ? Shape.of(3, n, k) : Shape.of(3, k, n);
      }
      return new Case("matmul" + (ta ? "Tᴬ" : "") + (tb ? "Tᴮ" : ""),
          in -> new Tensor[] {in[0].matmul(in[1], ta, tb)},
          new Tensor[] {r.uniform(sa, -1, 1), r.uniform(sb, -1, 1)});
    });
    for (String red : new String[] {"sum", "mean", "max", "min"}) {
      gens.add(r -> {
        Shape s = r.shape(1 + r.nextInt(3), 4);
        int[] axes = subset(r, s.rank());
        boolean keep = r.nextInt(2) == 0;
        TensorFn fn;
        switch (red) {
          case "sum":
            fn = in -> new Tensor[] {in[0].sum(keep, axes)};
            break;
          case "mean":
            fn = in -> new Tensor[] {in[0].mean(keep, axes)};
            break;
          case "max":
            fn = in -> new Tensor[] {in[0].max(keep, axes)};
            break;
          default:
            fn = in -> new Tensor[] {in[0].min(keep, axes)};
        }
        return new Case(red + java.util.Arrays.toString(axes) + (keep ? "keep" : ""), fn,
            new Tensor[] {r.uniform(s, -2, 2)});
      });
    }
    gens.add(r -> {
      Shape s = r.shape(1 + r.nextInt(3), 4);
      Shape target = Shape.of(s.size());
      return new Case("reshape", in -> new Tensor[] {in[0].reshape(target).mul(1.5)},
          new Tensor[] {r.uniform(s, -2, 2)});
    });
    gens.add(r -> {
      Shape full = r.shape(1 + r.nextInt(3), 4);
      Shape s = r.broadcastable(full);
      return new Case("broadcast_to", in -> new Tensor[] {in[0].broadcastTo(full)},
          new Tensor[] {r.uniform(s, -2, 2)});
    });
    gens.add(r -> {
      int rank = 2 + r.nextInt(2);
      Shape s = r.shape(rank, 4);
      int[] perm = permutation(r, rank);
      return new Case("permute" + java.util.Arrays.toString(perm),
          in -> new Tensor[] {in[0].permute(perm)}, new Tensor[] {r.uniform(s, -2, 2)});
    });
    gens.add(r -> {
      Shape s = r.shape(1 + r.nextInt(3), 4);
      int axis = r.nextInt(s.rank());
      Shape s2 = s.with(axis, 1 + r.nextInt(3));
      return new Case("concat(axis " + axis + ")",
          in -> new Tensor[] {Tensor.concat(axis, in[0], in[1], in[0])},
          new Tensor[] {r.uniform(s, -2, 2), r.uniform(s2, -2, 2)});
    });
    gens.add(r -> {
      Shape s = r.shape(r.nextInt(3), 4);
      int axis = r.nextInt(s.rank() + 1);
      return new Case("stack(axis " + axis + ")",
          in -> new Tensor[] {Tensor.stack(axis, in[0], in[1])},
          new Tensor[] {r.uniform(s, -2, 2), r.uniform(s, -2, 2)});
    });
    gens.add(r -> {
      Shape s = r.shape(1 + r.nextInt(3), 5).with(0, 5);
      int step = 1 + r.nextInt(2);
      return new Case("slice(1:5:" + step + ")",
          in -> new Tensor[] {in[0].slice(0, 1, 5, step)}, new Tensor[] {r.uniform(s, -2, 2)});
    });
    gens.add(r -> {
      Shape s = r.shape(1 + r.nextInt(3), 4);
      int axis = s.rank() - 1;
      int i = r.nextInt(s.dim(axis));
      return new Case("index", in -> new Tensor[] {in[0].index(axis, i)},
          new Tensor[] {r.uniform(s, -2, 2)});
    });
    gens.add(r -> {
      Shape s = r.shape(1 + r.nextInt(3), 4);
      int axis = r.nextInt(s.rank());
      int d = s.dim(axis);
      int[] idx = {d - 1, 0, d - 1, r.nextInt(d)};
      return new Case("gather", in -> new Tensor[] {in[0].gather(axis, idx)},
          new Tensor[] {r.uniform(s, -2, 2)});
    });
    gens.add(r -> {
      Shape s = r.shape(2, 4);
      return new Case("transpose", in -> new Tensor[] {in[0].transpose()},
          new Tensor[] {r.uniform(s, -2, 2)});
    });
    List<Case> out = new ArrayList<>();
    RandomShapes r = new RandomShapes(seed);
    for (Gen g : gens) {
      for (int i = 0; i < 3; i++) {
        out.add(g.make(r));
      }
    }
    return out;
  }

  interface Bin {
    Tensor apply(Tensor a, Tensor b);
  }

  private static void binary(List<Gen> gens, String name, Bin f, double alo, double ahi,
      double blo, double bhi, boolean bAway) {
    gens.add(r -> {
      Shape full = r.shape(r.nextInt(4), 4);
      Shape small = r.broadcastable(full);
      boolean swap = r.nextInt(2) == 0;
      Shape sa = swap ? small : full;
      Shape sb = swap ? full : small;
      Tensor a = r.uniform(sa, alo, ahi);
      Tensor b = bAway ? r.awayFromZero(sb, blo, bhi) : r.uniform(sb, blo, bhi);
      return new Case(name, in -> new Tensor[] {f.apply(in[0], in[1])}, new Tensor[] {a, b});
    });
  }

  private static int[] subset(RandomShapes r, int rank) {
    int[] tmp = new int[rank];
    int n = 0;
    for (int i = 0; i < rank; i++) {
      if (r.nextInt(2) == 0) {
        tmp[n++] = i - (r.nextInt(2) == 0 ? rank : 0);
      }
    }
    if (n == 0) {
      tmp[n++] = r.nextInt(rank);
    }
    return java.util.Arrays.copyOf(tmp, n);
  }

  private static int[] permutation(RandomShapes r, int rank) {
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = i;
    }
    for (int i = rank - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
