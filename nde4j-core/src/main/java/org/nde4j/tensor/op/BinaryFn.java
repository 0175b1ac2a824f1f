package org.nde4j.tensor.op;

import org.nde4j.tensor.Tensor;

/**
 * The scalar functions of two arguments, each with its loop and its partial derivatives written in
 * ops. Comparisons return 1.0 or 0.0 and are not differentiable.
 */
public enum BinaryFn {
  ADD("add") {
    @Override
    public double apply(double a, double b) {
      return a + b;
    }

    @Override
    void run(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] + b[bo + i];
        }
      } else if (bs == 0) {
        double bv = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i * as] + bv;
        }
      } else {
        generic(a, ao, as, b, bo, bs, o, oo, n);
      }
    }

    @Override
    Tensor[] partials(Tensor a, Tensor b, Tensor y, Tensor g) {
      return new Tensor[] {g, g};
    }
  },
  SUB("sub") {
    @Override
    public double apply(double a, double b) {
      return a - b;
    }

    @Override
    void run(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] - b[bo + i];
        }
      } else {
        generic(a, ao, as, b, bo, bs, o, oo, n);
      }
    }

    @Override
    Tensor[] partials(Tensor a, Tensor b, Tensor y, Tensor g) {
      return new Tensor[] {g, g.neg()};
    }
  },
  MUL("mul") {
    @Override
    public double apply(double a, double b) {
      return a * b;
    }

    @Override
    void run(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] * b[bo + i];
        }
      } else if (bs == 0) {
        double bv = b[bo];
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i * as] * bv;
        }
      } else if (as == 0) {
        double av = a[ao];
        for (int i = 0; i < n; i++) {
          o[oo + i] = av * b[bo + i * bs];
        }
      } else {
        generic(a, ao, as, b, bo, bs, o, oo, n);
      }
    }

    @Override
    Tensor[] partials(Tensor a, Tensor b, Tensor y, Tensor g) {
      return new Tensor[] {g.mul(b), g.mul(a)};
    }
  },
  DIV("div") {
    @Override
    public double apply(double a, double b) {
      return a / b;
    }

    @Override
    void run(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int n) {
      if (as == 1 && bs == 1) {
        for (int i = 0; i < n; i++) {
          o[oo + i] = a[ao + i] / b[bo + i];
        }
      } else {
        generic(a, ao, as, b, bo, bs, o, oo, n);
      }
    }

    @Override
    Tensor[] partials(Tensor a, Tensor b, Tensor y, Tensor g) {
      Tensor ga = g.div(b);
      return new Tensor[] {ga, ga.mul(y).neg()};
    }
  },
  POW("pow") {
    @Override
    public double apply(double a, double b) {
      return Math.pow(a, b);
    }

    @Override
    Tensor[] partials(Tensor a, Tensor b, Tensor y, Tensor g) {
      // d/da a^b = b a^(b-1); d/db a^b = a^b log a (taken as 0 where a^b = 0, i.e. a = 0, b > 0)
      Tensor ga = g.mul(b).mul(a.pow(b.sub(1.0)));
      Tensor logA = Tensor.where(a.gt(0.0), a, Tensor.scalar(1.0)).log();
      Tensor gb = g.mul(y).mul(logA);
      return new Tensor[] {ga, gb};
    }
  },
  MAX("maximum") {
    @Override
    public double apply(double a, double b) {
      return a >= b ? a : b;
    }

    @Override
    Tensor[] partials(Tensor a, Tensor b, Tensor y, Tensor g) {
      Tensor m = a.ge(b);
      return new Tensor[] {g.mul(m), g.mul(m.rsub(1.0))};
    }
  },
  MIN("minimum") {
    @Override
    public double apply(double a, double b) {
      return a <= b ? a : b;
    }

    @Override
    Tensor[] partials(Tensor a, Tensor b, Tensor y, Tensor g) {
      Tensor m = a.le(b);
      return new Tensor[] {g.mul(m), g.mul(m.rsub(1.0))};
    }
  },
  LT("lt") {
    @Override
    public double apply(double a, double b) {
      return a < b ? 1.0 : 0.0;
    }
  },
  LE("le") {
    @Override
    public double apply(double a, double b) {
      return a <= b ? 1.0 : 0.0;
    }
  },
  GT("gt") {
    @Override
    public double apply(double a, double b) {
      return a > b ? 1.0 : 0.0;
    }
  },
  GE("ge") {
    @Override
    public double apply(double a, double b) {
      return a >= b ? 1.0 : 0.0;
    }
  },
  EQ("eq") {
    @Override
    public double apply(double a, double b) {
      return a == b ? 1.0 : 0.0;
    }
  },
  NE("ne") {
    @Override
    public double apply(double a, double b) {
      return a != b ? 1.0 : 0.0;
    }
  };

  private final String opName;

  BinaryFn(String opName) {
    this.opName = opName;
  }

  /** The op name used in messages. */
  public String opName() {
    return opName;
  }

  /** The scalar function. */
  public abstract double apply(double a, double b);

  /** Whether a gradient flows through this function. */
  public boolean differentiable() {
    return ordinal() <= MIN.ordinal();
  }

  /** {@code o[oo+i] = f(a[ao+i*as], b[bo+i*bs])} for i in [0, n). */
  void run(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo, int n) {
    generic(a, ao, as, b, bo, bs, o, oo, n);
  }

  final void generic(double[] a, int ao, int as, double[] b, int bo, int bs, double[] o, int oo,
      int n) {
    for (int i = 0; i < n; i++) {
      o[oo + i] = apply(a[ao + i * as], b[bo + i * bs]);
    }
  }

  /**
   * Cotangents {g·∂f/∂a, g·∂f/∂b} at full (broadcast) shape, written in ops; {@code y} is the
   * output.
   */
  Tensor[] partials(Tensor a, Tensor b, Tensor y, Tensor g) {
    throw new IllegalStateException(opName + " has no derivative");
  }
}
