package org.nde4j.tensor.op;

import org.nde4j.kernel.Kernels;
import org.nde4j.kernel.ScalarKernels;
import org.nde4j.tensor.Tensor;

/**
 * The scalar functions of one argument, each with its loop and its derivative written in ops
 * ({@link #derivative} returns f'(x) given x and y = f(x)). SIGN and STEP are piecewise constant
 * and not differentiable.
 */
public enum UnaryFn {
  NEG("neg") {
    @Override
    public double apply(double x) {
      return -x;
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return Tensor.scalar(-1.0);
    }
  },
  EXP("exp") {
    @Override
    public double apply(double x) {
      return Math.exp(x);
    }

    @Override
    void run(double[] x, int xo, double[] y, int yo, int n) {
      Kernels.get().exp(x, xo, y, yo, n);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return y;
    }
  },
  LOG("log") {
    @Override
    public double apply(double x) {
      return Math.log(x);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return x.rdiv(1.0);
    }
  },
  LOG1P("log1p") {
    @Override
    public double apply(double x) {
      return Math.log1p(x);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return x.add(1.0).rdiv(1.0);
    }
  },
  EXPM1("expm1") {
    @Override
    public double apply(double x) {
      return Math.expm1(x);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return y.add(1.0);
    }
  },
  SQRT("sqrt") {
    @Override
    public double apply(double x) {
      return Math.sqrt(x);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return y.rdiv(0.5);
    }
  },
  SIN("sin") {
    @Override
    public double apply(double x) {
      return Math.sin(x);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return x.cos();
    }
  },
  COS("cos") {
    @Override
    public double apply(double x) {
      return Math.cos(x);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return x.sin().neg();
    }
  },
  TAN("tan") {
    @Override
    public double apply(double x) {
      return Math.tan(x);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return y.square().add(1.0);
    }
  },
  TANH("tanh") {
    @Override
    public double apply(double x) {
      return ScalarKernels.tanh(x);
    }

    @Override
    void run(double[] x, int xo, double[] y, int yo, int n) {
      Kernels.get().tanh(x, xo, y, yo, n);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return y.square().rsub(1.0);
    }
  },
  SIGMOID("sigmoid") {
    @Override
    public double apply(double x) {
      return ScalarKernels.sigmoid(x);
    }

    @Override
    void run(double[] x, int xo, double[] y, int yo, int n) {
      Kernels.get().sigmoid(x, xo, y, yo, n);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return y.mul(y.rsub(1.0));
    }
  },
  SOFTPLUS("softplus") {
    @Override
    public double apply(double x) {
      return ScalarKernels.softplus(x);
    }

    @Override
    void run(double[] x, int xo, double[] y, int yo, int n) {
      Kernels.get().softplus(x, xo, y, yo, n);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return x.sigmoid();
    }
  },
  RELU("relu") {
    @Override
    public double apply(double x) {
      return x > 0 ? x : 0.0;
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return x.map(STEP);
    }
  },
  GELU("gelu") {
    @Override
    public double apply(double x) {
      return 0.5 * x * (1.0 + ScalarKernels.tanh(GELU_C * (x + GELU_A * x * x * x)));
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      // d/dx 0.5 x (1 + tanh u), u = c (x + a x^3)
      Tensor x2 = x.square();
      Tensor th = x.mul(x2.mul(GELU_A).add(1.0)).mul(GELU_C).tanh();
      Tensor du = x2.mul(3.0 * GELU_A).add(1.0).mul(GELU_C);
      return th.add(1.0).mul(0.5).add(x.mul(0.5).mul(th.square().rsub(1.0)).mul(du));
    }
  },
  ABS("abs") {
    @Override
    public double apply(double x) {
      return Math.abs(x);
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return x.sign();
    }
  },
  SQUARE("square") {
    @Override
    public double apply(double x) {
      return x * x;
    }

    @Override
    void run(double[] x, int xo, double[] y, int yo, int n) {
      for (int i = 0; i < n; i++) {
        double v = x[xo + i];
        y[yo + i] = v * v;
      }
    }

    @Override
    Tensor derivative(Tensor x, Tensor y) {
      return x.mul(2.0);
    }
  },
  SIGN("sign") {
    @Override
    public double apply(double x) {
      return Math.signum(x);
    }
  },
  /** 1 where x &gt; 0, else 0 (the derivative of relu). */
  STEP("step") {
    @Override
    public double apply(double x) {
      return x > 0 ? 1.0 : 0.0;
    }
  };

  static final double GELU_C = Math.sqrt(2.0 / Math.PI);
  static final double GELU_A = 0.044715;

  private final String opName;

  UnaryFn(String opName) {
    this.opName = opName;
  }

  public String opName() {
    return opName;
  }

  /** The scalar function. */
  public abstract double apply(double x);

  public boolean differentiable() {
    return this != SIGN && this != STEP;
  }

  /** {@code y[yo+i] = f(x[xo+i])} for i in [0, n). */
  void run(double[] x, int xo, double[] y, int yo, int n) {
    for (int i = 0; i < n; i++) {
      y[yo + i] = apply(x[xo + i]);
    }
  }

  /** f'(x) as a tensor broadcastable to x, given x and y = f(x). */
  Tensor derivative(Tensor x, Tensor y) {
    throw new IllegalStateException(opName + " has no derivative");
  }
}
