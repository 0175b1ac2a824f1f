package org.nde4j.learn.models;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.nde4j.learn.data.WindowBatch;
import org.nde4j.learn.nn.Activation;
import org.nde4j.learn.nn.Initializer;
import org.nde4j.learn.nn.Mlp;
import org.nde4j.learn.nn.ParameterLayout;
import org.nde4j.learn.nn.ParameterSet;
import org.nde4j.learn.train.LossAndGradient;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.adjoint.GradientSolve;
import org.nde4j.solve.adjoint.Gradients;
import org.nde4j.solve.adjoint.Recording;
import org.nde4j.solve.adjoint.SaveMode;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * A neural ODE {@code dz/dt = MLP([g(z), t])}: the state {@code z} is the observed state {@code y}
 * of {@link #dim()} channels followed by {@link #augment()} extra dimensions that start at zero
 * (augmented neural ODEs: Dupont, Doucet, Teh, NeurIPS 2019, arXiv:1904.01681); {@code g} is an
 * optional input transform (ode_demo's {@code y³}) applied to the whole state; the time is an
 * extra network input when {@link Builder#timeInput} is set. Chen, Rubanova, Bettencourt,
 * Duvenaud, <i>Neural Ordinary Differential Equations</i>, NeurIPS 2018 (arXiv:1806.07366).
 *
 * <p>The parameters are the {@link Mlp}'s, in one flat {@code θ} with its names ({@code
 * "0.weight"}, {@code "0.bias"}, …; {@link #layout()}). The model is immutable and thread-safe;
 * the compiled vector field of each batch size is built once and shared.
 *
 * <pre>{@code
 * NeuralOde ode = NeuralOde.builder(2).hidden(50).inputTransform(y -> y.pow(3)).build();
 * ParameterSet p = ode.init(Key.of(0));
 * double[][] ys = ode.predict(p.values(), new double[] {2, 0}, ts);   // [T][2]
 * }</pre>
 */
public final class NeuralOde {
  private final int dim;
  private final int augment;
  private final boolean timeInput;
  private final UnaryOperator<Tensor> transform;
  private final Mlp net;
  private final Solver solver;
  private final double rtol;
  private final double atol;
  private final long maxSteps;
  private final Adjoint adjoint;
  private final WindowLoss windowLoss;
  private final Map<Integer, DifferentiableTerm> terms = new ConcurrentHashMap<>();
  /** Windows whose relative times differ by at most this many ulps of the times share a solve. */
  private static final int RELATIVE_TIME_ULPS = 8;
  /** Each thread's last training solve (differentiated), whose storage its next one reuses. */
  private final ThreadLocal<Recording> lastSolve = new ThreadLocal<>();

  private NeuralOde(Builder b) {
    dim = b.dim;
    augment = b.augment;
    timeInput = b.timeInput;
    transform = b.transform;
    int state = dim + augment;
    int[] widths = new int[b.hidden.length + 2];
    widths[0] = state + (timeInput ? 1 : 0);
    System.arraycopy(b.hidden, 0, widths, 1, b.hidden.length);
    widths[widths.length - 1] = state;
    net = Mlp.builder(widths).activation(b.activation).init(b.weightInit, b.biasInit).build();
    solver = b.solver;
    rtol = b.rtol;
    atol = b.atol;
    maxSteps = b.maxSteps;
    adjoint = b.adjoint;
    windowLoss = b.windowLoss;
  }

  /**
   * A builder for a neural ODE of {@code dim} observed channels: by default one hidden layer of
   * 64, tanh, no time input, no augmentation, no input transform, PyTorch's initialisation,
   * dopri5 with rtol 1e-7 and atol 1e-9, {@link Adjoint#auto()}, mean absolute error.
   *
   * @throws IllegalArgumentException naming {@code dim} if it is {@code < 1}
   */
  public static Builder builder(int dim) {
    return new Builder(dim);
  }

  /** Number of observed channels. */
  public int dim() {
    return dim;
  }

  /** Number of augmented dimensions (zeros appended to the initial state). */
  public int augment() {
    return augment;
  }

  /** The network of the vector field. */
  public Mlp network() {
    return net;
  }

  /** The names and shapes of the parameters in {@code θ}. */
  public ParameterLayout layout() {
    return net.layout();
  }

  /** Number of parameters. */
  public int numParams() {
    return net.numParams();
  }

  /** Fresh parameters from {@code key} (the network's initialisers). */
  public ParameterSet init(Key key) {
    return net.init(key);
  }

  /** {@code θ} as named tensors (for {@code model.safetensors}). */
  public Map<String, Tensor> parameters(double[] theta) {
    return net.layout().unflatten(theta);
  }

  /**
   * The vector field for {@code batch} states at once, state shape {@code [batch, dim +
   * augment]}, compiled once per batch size.
   *
   * @throws IllegalArgumentException naming {@code batch} if it is {@code < 1}
   */
  public DifferentiableTerm term(int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("neural ODE: batch must be >= 1, got " + batch);
    }
    return terms.computeIfAbsent(batch, bs -> DifferentiableTerm.of(
        in -> new Tensor[] {field(in[0], in[1], in[2], bs)}, Shape.of(bs, dim + augment),
        net.numParams()));
  }

  private Tensor field(Tensor t, Tensor z, Tensor theta, int batch) {
    Tensor x = transform.apply(z);
    if (timeInput) {
      x = Tensor.concat(1, x, t.broadcastTo(Shape.of(batch, 1)));
    }
    return net.apply(theta, x);
  }

  /**
   * The vector field's observed components {@code f(t, y)} at one observed state {@code y} (the
   * augmented components of the state set to zero): what a quiver plot draws.
   *
   * @throws IllegalArgumentException naming {@code y} or {@code theta} if a length is wrong
   */
  public double[] rate(double[] theta, double t, double[] y) {
    checkTheta(theta);
    checkState(y, "y");
    double[] z = Arrays.copyOf(y, dim + augment);
    double[] dz = new double[dim + augment];
    term(1).evaluator().rate(t, z, theta, dz);
    return Arrays.copyOf(dz, dim);
  }

  /**
   * The trajectory from {@code y0} at time {@code ts[0]}, saved at {@code ts}: rows {@code [T][dim]}
   * (the observed components). If the solve stops early (step budget, non-finite state), the rows
   * after the time it reached are {@code NaN}.
   *
   * @param theta the parameters, {@link #numParams()} values
   * @param y0    the initial observed state, {@link #dim()} values
   * @param ts    strictly increasing save times, at least one
   * @throws IllegalArgumentException naming the argument if a length is wrong or {@code ts} is not
   *     strictly increasing
   */
  public double[][] predict(double[] theta, double[] y0, double[] ts) {
    checkTheta(theta);
    checkState(y0, "y0");
    checkTimes(ts);
    double[][] out = new double[ts.length][];
    if (ts.length == 1) {
      out[0] = y0.clone();
      return out;
    }
    Solution s = Solve.of(term(1).bind(theta), solver, ts[0], ts[ts.length - 1],
            Arrays.copyOf(y0, dim + augment))
        .controller(PidController.of(rtol, atol)).saveAt(SaveAt.ts(ts)).maxSteps(maxSteps)
        .throwOnFailure(false).run();
    for (int i = 0; i < ts.length; i++) {
      if (i < s.size()) {
        out[i] = Arrays.copyOf(s.y(i), dim);
      } else {
        out[i] = new double[dim];
        Arrays.fill(out[i], Double.NaN);
      }
    }
    return out;
  }

  /**
   * The loss of a window batch and its gradient: each window is integrated from its first
   * observed values (0 where missing, zeros in the augmented dimensions) over its times, and the
   * {@link WindowLoss} of prediction minus observation is averaged over the observed entries
   * (mask 1) of all windows and points, the first point included (as ode_demo). Without time
   * input, windows that share their relative times (up to rounding: 8 ulps of the times, so
   * windows cut from one regular grid do) are solved as one batch ({@code term(B)}) on the first
   * window's relative times; otherwise each window is solved on its own absolute times. The
   * gradient comes from {@link GradientSolve} with this model's adjoint, the predictions from the
   * solver's dense output where the adjoint supports it ({@link
   * SaveMode#INTERPOLATED_WHERE_SUPPORTED}).
   *
   * @param theta the parameters
   * @param batch windows of this model's {@link #dim()} channels
   * @param grad  receives {@code ∂L/∂θ}, {@link #numParams()} values (overwritten)
   * @return the loss; {@code NaN} (with {@code grad} filled with {@code NaN}) if a solve did not
   *     succeed, which the {@link org.nde4j.learn.train.Trainer} reports as a non-finite step
   * @throws IllegalArgumentException naming the argument if {@code theta} or {@code grad} has the
   *     wrong length, the batch has another number of channels, or no entry is observed
   */
  public double loss(double[] theta, WindowBatch batch, double[] grad) {
    return loss(theta, batch, grad, null);
  }

  /**
   * {@link #loss(double[], WindowBatch, double[])}, adding the work of its solves to {@code
   * counts} (forward evaluations of every solve, backward evaluations of those that succeeded).
   *
   * @param counts running totals to add to, or {@code null}
   */
  public double loss(double[] theta, WindowBatch batch, double[] grad, SolveCounts counts) {
    checkTheta(theta);
    if (grad.length != net.numParams()) {
      throw new IllegalArgumentException("neural ODE: grad has " + grad.length
          + " values, expected " + net.numParams());
    }
    int b = batch.values().shape().dim(0);
    int k = batch.values().shape().dim(1);
    int c = batch.values().shape().dim(2);
    if (c != dim) {
      throw new IllegalArgumentException("neural ODE: the batch has " + c
          + " channels, the model " + dim);
    }
    double[] times = batch.times().toArray();
    double[] values = batch.values().toArray();
    double[] mask = batch.mask().toArray();
    double observed = 0;
    for (double m : mask) {
      observed += m;
    }
    if (observed == 0) {
      throw new IllegalArgumentException("neural ODE: the batch has no observed value");
    }
    Arrays.fill(grad, 0);
    if (!timeInput && sameRelativeTimes(times, b, k)) {
      double[] ts = new double[k];
      for (int j = 0; j < k; j++) {
        ts[j] = times[j] - times[0];
      }
      return windows(theta, 0, b, ts, values, mask, k, observed, grad, counts);
    }
    double sum = 0;
    for (int w = 0; w < b; w++) {
      double[] ts = Arrays.copyOfRange(times, w * k, (w + 1) * k);
      double l = windows(theta, w, 1, ts, values, mask, k, observed, grad, counts);
      if (!Double.isFinite(l)) {
        return l;
      }
      sum += l;
    }
    return sum;
  }

  /** This model's {@link #loss} as the trainer's loss function. */
  public LossAndGradient<WindowBatch> lossFunction() {
    return this::loss;
  }

  /** This model's {@link #loss} as the trainer's loss function, adding its work to {@code counts}. */
  public LossAndGradient<WindowBatch> lossFunction(SolveCounts counts) {
    Objects.requireNonNull(counts, "counts");
    return (theta, batch, grad) -> loss(theta, batch, grad, counts);
  }

  /**
   * Solves windows {@code first, …, first + count − 1} as one batch on {@code ts}; adds their
   * share of the loss (returned) and of the gradient (to {@code grad}).
   */
  private double windows(double[] theta, int first, int count, double[] ts, double[] values,
      double[] mask, int k, double observed, double[] grad, SolveCounts counts) {
    int s = dim + augment;
    double[] y0 = new double[count * s];
    for (int w = 0; w < count; w++) {
      System.arraycopy(values, (first + w) * k * dim, y0, w * s, dim);
    }
    Recording r = GradientSolve.of(term(count), solver, ts[0], ts[k - 1], y0, theta).saveAt(ts)
        .controller(PidController.of(rtol, atol)).maxSteps(maxSteps).adjoint(adjoint)
        .saveMode(SaveMode.INTERPOLATED_WHERE_SUPPORTED).recycling(lastSolve.get()).forward();
    lastSolve.set(r);
    if (r.status() != Status.SUCCESS) {
      if (counts != null) {
        counts.add(r.stats(), null);
      }
      Arrays.fill(grad, Double.NaN);
      return Double.NaN;
    }
    double[][] ys = r.ys();
    double[][] ybar = new double[k][count * s];
    double sum = 0;
    for (int w = 0; w < count; w++) {
      for (int j = 0; j < k; j++) {
        for (int ch = 0; ch < dim; ch++) {
          int at = ((first + w) * k + j) * dim + ch;
          if (mask[at] != 0) {
            double d = ys[j][w * s + ch] - values[at];
            sum += windowLoss.value(d);
            ybar[j][w * s + ch] = windowLoss.derivative(d) / observed;
          }
        }
      }
    }
    Gradients gradients = r.backward(ybar);
    if (counts != null) {
      counts.add(r.stats(), gradients);
    }
    double[] g = gradients.theta();
    for (int i = 0; i < grad.length; i++) {
      grad[i] += g[i];
    }
    return sum / observed;
  }

  /**
   * Whether every window's times, relative to its first, equal the first window's up to rounding:
   * windows cut from one grid ({@code linspace}, decimal times read from a file) differ there by
   * an ulp or two of the absolute times, which must not split ode_demo's batch into 20 solves.
   */
  static boolean sameRelativeTimes(double[] times, int b, int k) {
    for (int w = 1; w < b; w++) {
      for (int j = 1; j < k; j++) {
        double scale = Math.max(Math.max(Math.abs(times[w * k + j]), Math.abs(times[w * k])),
            Math.max(Math.abs(times[j]), Math.abs(times[0])));
        double d = (times[w * k + j] - times[w * k]) - (times[j] - times[0]);
        if (!(Math.abs(d) <= RELATIVE_TIME_ULPS * Math.ulp(scale))) {
          return false;
        }
      }
    }
    return true;
  }

  private void checkTheta(double[] theta) {
    if (theta.length != net.numParams()) {
      throw new IllegalArgumentException("neural ODE: theta has " + theta.length
          + " values, the model has " + net.numParams() + " parameters");
    }
  }

  private void checkState(double[] y, String name) {
    if (y.length != dim) {
      throw new IllegalArgumentException("neural ODE: " + name + " has " + y.length
          + " values, the model has " + dim + " channels");
    }
  }

  private static void checkTimes(double[] ts) {
    if (ts.length == 0) {
      throw new IllegalArgumentException("neural ODE: ts is empty; give at least one time");
    }
    for (int i = 1; i < ts.length; i++) {
      if (!(ts[i] > ts[i - 1])) {
        throw new IllegalArgumentException("neural ODE: ts must increase strictly, but ts["
            + i + "] = " + ts[i] + " follows " + ts[i - 1]);
      }
    }
  }

  @Override
  public String toString() {
    return "NeuralOde(dim " + dim + ", augment " + augment + ", time input " + timeInput + ", "
        + net + ")";
  }

  /** Options of a {@link NeuralOde}. */
  public static final class Builder {
    private final int dim;
    private int[] hidden = {64};
    private Activation activation = Activation.TANH;
    private boolean timeInput;
    private int augment;
    private UnaryOperator<Tensor> transform = UnaryOperator.identity();
    private Initializer weightInit = Initializer.pytorchDefault();
    private Initializer biasInit = Initializer.pytorchDefault();
    private Solver solver = new Dopri5();
    private double rtol = 1e-7;
    private double atol = 1e-9;
    private long maxSteps = 100_000;
    private Adjoint adjoint = Adjoint.auto();
    private WindowLoss windowLoss = WindowLoss.MEAN_ABSOLUTE;

    private Builder(int dim) {
      if (dim < 1) {
        throw new IllegalArgumentException("neural ODE: dim must be >= 1, got " + dim);
      }
      this.dim = dim;
    }

    /** The hidden layers' widths (none: a linear field). Default one layer of 64. */
    public Builder hidden(int... widths) {
      for (int i = 0; i < widths.length; i++) {
        if (widths[i] < 1) {
          throw new IllegalArgumentException("neural ODE: hidden width " + i + " must be >= 1,"
              + " got " + Arrays.toString(widths));
        }
      }
      this.hidden = widths.clone();
      return this;
    }

    /** {@code depth} hidden layers of {@code width} each. */
    public Builder hidden(int width, int depth) {
      if (depth < 0) {
        throw new IllegalArgumentException("neural ODE: depth must be >= 0, got " + depth);
      }
      int[] w = new int[depth];
      Arrays.fill(w, width);
      return hidden(w);
    }

    /** The hidden activation (default tanh); the output is linear. */
    public Builder activation(Activation a) {
      this.activation = Objects.requireNonNull(a, "activation");
      return this;
    }

    /** Whether the time is an input of the network (default false: autonomous). */
    public Builder timeInput(boolean on) {
      this.timeInput = on;
      return this;
    }

    /** Number of augmented dimensions, {@code >= 0} (default 0). */
    public Builder augment(int extra) {
      if (extra < 0) {
        throw new IllegalArgumentException("neural ODE: augment must be >= 0, got " + extra);
      }
      this.augment = extra;
      return this;
    }

    /**
     * A transform of the state {@code [B, dim + augment]} before the network, made of tensor ops
     * that keep the shape (ode_demo: {@code y -> y.pow(3)}). Default the identity.
     */
    public Builder inputTransform(UnaryOperator<Tensor> g) {
      this.transform = Objects.requireNonNull(g, "inputTransform");
      return this;
    }

    /** The initialisers of every layer's weights and biases (default PyTorch's). */
    public Builder init(Initializer weight, Initializer bias) {
      this.weightInit = Objects.requireNonNull(weight, "weight");
      this.biasInit = Objects.requireNonNull(bias, "bias");
      return this;
    }

    /** The solver (default dopri5). */
    public Builder solver(Solver s) {
      this.solver = Objects.requireNonNull(s, "solver");
      return this;
    }

    /** Tolerances of the step-size controller (default 1e-7, 1e-9). */
    public Builder tolerances(double rtol, double atol) {
      if (!(rtol > 0) || !(atol >= 0)) {
        throw new IllegalArgumentException("neural ODE: tolerances must be rtol > 0 and "
            + "atol >= 0, got rtol " + rtol + ", atol " + atol);
      }
      this.rtol = rtol;
      this.atol = atol;
      return this;
    }

    /** The step budget of one solve (default 100000). */
    public Builder maxSteps(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("neural ODE: maxSteps must be >= 1, got " + n);
      }
      this.maxSteps = n;
      return this;
    }

    /** How gradients are computed (default {@link Adjoint#auto()}). */
    public Builder adjoint(Adjoint a) {
      this.adjoint = Objects.requireNonNull(a, "adjoint");
      return this;
    }

    /** The loss of {@link NeuralOde#loss} (default mean absolute error, as ode_demo). */
    public Builder windowLoss(WindowLoss l) {
      this.windowLoss = Objects.requireNonNull(l, "windowLoss");
      return this;
    }

    public NeuralOde build() {
      return new NeuralOde(this);
    }
  }
}
