package org.nde4j.learn.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Series;
import org.nde4j.learn.nn.Activation;
import org.nde4j.learn.nn.Mlp;
import org.nde4j.learn.nn.ParameterLayout;
import org.nde4j.learn.nn.ParameterView;
import org.nde4j.learn.nn.Parameters;
import org.nde4j.learn.optim.Adam;
import org.nde4j.learn.optim.Lbfgs;
import org.nde4j.learn.optim.Optimizer;
import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.NetworkDefinition;
import org.nde4j.modelfile.Parameter;
import org.nde4j.random.Key;
import org.nde4j.solve.adjoint.Adjoint;
import org.nde4j.solve.adjoint.GradientSolve;
import org.nde4j.solve.adjoint.Recording;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * Fits a model file's unknowns to data: the parameters marked {@code fit: true} and the weights
 * of the networks of its {@code networks:} section (each a {@link Mlp} with the declared widths
 * and activation, no final activation).
 *
 * <p><b>θ.</b> One flat vector laid out by {@link #layout()}: view {@code "params"} of shape
 * {@code [k]} holds the unconstrained coordinates of the {@code k} fitted parameters in file order
 * (see {@link #parameterValues}: {@code lo + exp(u)} with only a lower bound — {@code positive:
 * true} is lower bound 0 —, {@code hi − exp(u)} with only an upper bound, {@code lo + (hi −
 * lo)·sigmoid(u)} with both, {@code u} itself with none), then each network's weights under its
 * name ({@code "nn1.0.weight"}, …, {@link Mlp}'s layout). Parameters not fitted keep their file
 * value.
 *
 * <p><b>Vector field.</b> {@link #term()} is {@code f(t, y, θ)}: the model's equations compiled
 * to core ops ({@link ModelDefinition#vectorField(Map)}) with the fitted values and networks bound
 * from θ, so its VJPs and JVPs come from the compiled graphs of {@link DifferentiableTerm}.
 *
 * <p><b>Loss.</b> Over a {@link Panel} whose channels are state names (a subset, any order): every
 * series is solved from the model's initial state at its {@code t0} with save times the series'
 * times (irregular allowed; all {@code >= t0}), and {@code L = Σ w_c (Y_ic − d_ic)² / N} over the
 * observed cells only ({@code N} of them), with {@code w_c = 1/σ_c²} for the optional noise
 * scales {@link Options#noise} (1 otherwise). Gradients come from {@link GradientSolve} with
 * {@link Options#adjoint} (discrete by default).
 *
 * <p><b>Fitting.</b> {@link #fit}: Adam (Kingma &amp; Ba, arXiv:1412.6980) for a number of steps,
 * then L-BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2006, §7.2) from the best
 * Adam point, over a growing time horizon ({@link Options#horizon}, {@link GrowingHorizon}): by
 * default on the first quarter of the time span, then the first half, then all of it. Not
 * thread-safe (the term's evaluators are per call; the fit is one loop).
 */
public final class ModelFit {
  /**
   * Solver settings, loss weighting and the fitting schedule; immutable.
   *
   * @param horizon the stages of {@link #fit} ({@link GrowingHorizon}); {@link
   *     GrowingHorizon#none()} fits the whole time span at once
   */
  public record Options(Solver solver, double rtol, double atol, Adjoint adjoint, double[] noise,
      long maxSteps, GrowingHorizon horizon) {
    /**
     * Tsit5, rtol 1e-7, atol 1e-9, the discrete adjoint, unit weights, 100 000 steps, the
     * horizon growing over a quarter, half and all of the time span ({@link
     * GrowingHorizon#defaults()}).
     */
    public static Options defaults() {
      return new Options(new Tsit5(), 1e-7, 1e-9, Adjoint.discrete(), null, 100_000,
          GrowingHorizon.defaults());
    }

    /**
     * These options with noise scales {@code σ_c} per panel channel (positive, finite); the loss
     * weights channel {@code c} by {@code 1/σ_c²}.
     */
    public Options withNoise(double... sigma) {
      for (int i = 0; i < sigma.length; i++) {
        if (!(sigma[i] > 0) || Double.isInfinite(sigma[i])) {
          throw new IllegalArgumentException("noise scale " + i + " must be positive and finite,"
              + " got " + sigma[i]);
        }
      }
      return new Options(solver, rtol, atol, adjoint, sigma.clone(), maxSteps, horizon);
    }

    /** These options with other tolerances. */
    public Options withTolerances(double rtol, double atol) {
      return new Options(solver, rtol, atol, adjoint, noise, maxSteps, horizon);
    }

    /** These options with another schedule of horizons for {@link #fit}. */
    public Options withHorizon(GrowingHorizon horizon) {
      return new Options(solver, rtol, atol, adjoint, noise, maxSteps,
          Objects.requireNonNull(horizon, "horizon"));
    }
  }

  /**
   * The outcome of {@link #fit}.
   *
   * @param theta       the fitted θ
   * @param loss        the loss at {@code theta} on the whole panel
   * @param adamLosses  the loss before each Adam step (on the first stage's data)
   * @param lbfgs       what L-BFGS did in the last stage
   * @param stages      each stage that ran, in order
   */
  public record Result(double[] theta, double loss, double[] adamLosses, Lbfgs.Result lbfgs,
      List<Stage> stages) {}

  /**
   * One stage of {@link #fit}.
   *
   * @param horizon    the last time of the stage's data
   * @param adamSteps  Adam steps done
   * @param lbfgs      what L-BFGS did
   */
  public record Stage(double horizon, int adamSteps, Lbfgs.Result lbfgs) {}

  private final ModelDefinition model;
  private final Options options;
  private final List<Parameter> fitted = new ArrayList<>();
  private final List<ParameterTransform> transforms = new ArrayList<>();
  private final Map<String, Mlp> networks = new LinkedHashMap<>();
  private final Map<String, Integer> networkOffsets = new HashMap<>();
  private final ParameterLayout layout;
  private final DifferentiableTerm term;

  private ModelFit(ModelDefinition model, Options options) {
    this.model = model;
    this.options = options;
    for (Parameter p : model.params()) {
      if (p.fit()) {
        fitted.add(p);
        transforms.add(ParameterTransform.of(p));
      }
    }
    ParameterLayout.Builder lb = ParameterLayout.builder();
    lb.add("params", fitted.size());
    for (NetworkDefinition n : model.networks()) {
      Mlp net = Mlp.builder(n.widths()).activation(Activation.parse(n.activation())).build();
      networks.put(n.name(), net);
      networkOffsets.put(n.name(), lb.add(n.name(), net.layout()));
    }
    this.layout = lb.build();
    this.term = DifferentiableTerm.of(this::field, Shape.of(model.numStates()), layout.size());
  }

  /**
   * The fitting problem of {@code model} with {@link Options#defaults()}.
   *
   * @throws IllegalArgumentException naming the model if it has nothing to fit (no fitted
   *     parameter and no network)
   */
  public static ModelFit of(ModelDefinition model) {
    return of(model, Options.defaults());
  }

  /** As {@link #of(ModelDefinition)} with other options. */
  public static ModelFit of(ModelDefinition model, Options options) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    ModelFit f = new ModelFit(model, options);
    if (f.layout.size() == 0) {
      throw new IllegalArgumentException("model '" + model.name() + "' has nothing to fit: mark"
          + " parameters with 'fit: true' or declare networks");
    }
    return f;
  }

  /** The model being fitted. */
  public ModelDefinition model() {
    return model;
  }

  /** The layout of θ (see the class comment). */
  public ParameterLayout layout() {
    return layout;
  }

  /** {@code f(t, y, θ)}, y of shape {@code [numStates]}, θ of {@link #layout()}'s size. */
  public DifferentiableTerm term() {
    return term;
  }

  /** The network instantiated for the declared network {@code name}. */
  public Mlp network(String name) {
    Mlp n = networks.get(name);
    if (n == null) {
      throw new IllegalArgumentException("model '" + model.name() + "' declares no network '"
          + name + "' (networks: " + String.join(" ", networks.keySet()) + ")");
    }
    return n;
  }

  /**
   * The starting θ: fitted parameters at their file values; networks initialised by {@link
   * Mlp#initialize} from {@code key.foldIn(i)} for the {@code i}-th network, then their last
   * layer's weight and bias set to zero. Every network thus starts at output 0 and the starting
   * model is its mechanistic part alone, while the hidden layers keep their random features (so
   * the first gradient reaches the last layer, and through it all others after one step), as
   * Fixup zero-initialises the last layer of each residual branch (Zhang, Dauphin &amp; Ma, ICLR
   * 2019, arXiv:1901.09321).
   */
  public double[] initialTheta(Key key) {
    double[] theta = new double[layout.size()];
    int off = layout.view("params").offset();
    for (int i = 0; i < fitted.size(); i++) {
      theta[off + i] = transforms.get(i).coordinate(fitted.get(i), fitted.get(i).value());
    }
    int i = 0;
    for (Map.Entry<String, Mlp> e : networks.entrySet()) {
      Mlp net = e.getValue();
      int base = networkOffsets.get(e.getKey());
      net.initialize(key.foldIn(i++), theta, base);
      String last = (net.depth() - 1) + ".";
      for (String name : new String[] {last + "weight", last + "bias"}) {
        if (net.layout().contains(name)) {
          ParameterView v = net.layout().view(name);
          java.util.Arrays.fill(theta, base + v.offset(), base + v.end(), 0.0);
        }
      }
    }
    return theta;
  }

  /** The fitted parameters' values at θ, by name in file order. */
  public Map<String, Double> parameterValues(double[] theta) {
    layout.checkLength(theta, "θ");
    int off = layout.view("params").offset();
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < fitted.size(); i++) {
      out.put(fitted.get(i).name(), transforms.get(i).value(fitted.get(i), theta[off + i]));
    }
    return out;
  }

  /**
   * The model's states at the times of {@code series}, solved with θ: {@code [time][state]}.
   *
   * @throws IllegalStateException naming the series if the solve does not succeed
   */
  public double[][] predict(Series series, double[] theta) {
    return predict(times(series), theta, "series '" + series.id() + "'");
  }

  /**
   * The model's states at {@code times}, solved with θ from the model's initial state at its
   * {@code t0}: {@code [time][state]}.
   *
   * @param times strictly increasing, at least one, all {@code >= t0}
   * @throws IllegalArgumentException if a time is before {@code t0} or the times do not increase
   * @throws IllegalStateException if the solve does not succeed
   */
  public double[][] predict(double[] times, double[] theta) {
    for (int i = 1; i < times.length; i++) {
      if (!(times[i] > times[i - 1])) {
        throw new IllegalArgumentException("model '" + model.name() + "': times must increase "
            + "strictly, but times[" + i + "] = " + times[i] + " follows " + times[i - 1]);
      }
    }
    return predict(times, theta, times.length + " times");
  }

  private double[][] predict(double[] times, double[] theta, String what) {
    Recording r = solve(times, theta, what);
    if (!r.status().isSuccess()) {
      throw new IllegalStateException("model '" + model.name() + "' on " + what
          + ": solve ended with " + r.status());
    }
    return r.ys();
  }

  /**
   * The loss (class comment) on {@code panel} at θ; writes {@code ∂L/∂θ} to {@code grad} when it
   * is not null. A solve that does not succeed gives {@code NaN} (and leaves {@code grad}
   * undefined), which L-BFGS's line search treats as unusable.
   *
   * @throws IllegalArgumentException naming the channel if a panel channel is not a state, or
   *     the series if it starts before the model's t0 or has no observed cell
   */
  public double loss(Panel panel, double[] theta, double[] grad) {
    layout.checkLength(theta, "θ");
    int[] stateOf = channelStates(panel);
    double[] w = weights(panel);
    if (grad != null) {
      java.util.Arrays.fill(grad, 0);
    }
    double sum = 0;
    long count = 0;
    List<double[][]> residuals = new ArrayList<>();
    List<Recording> recordings = new ArrayList<>();
    for (Series s : panel.series()) {
      Recording r = solve(times(s), theta, "series '" + s.id() + "'");
      if (!r.status().isSuccess()) {
        return Double.NaN;
      }
      double[][] ys = r.ys();
      double[][] res = new double[ys.length][model.numStates()];
      for (int i = 0; i < ys.length; i++) {
        for (int c = 0; c < stateOf.length; c++) {
          if (s.isObserved(i, c)) {
            double e = ys[i][stateOf[c]] - s.value(i, c);
            sum += w[c] * e * e;
            res[i][stateOf[c]] = w[c] * e;
            count++;
          }
        }
      }
      residuals.add(res);
      recordings.add(r);
    }
    if (count == 0) {
      throw new IllegalArgumentException(panel.source() + ": no observed values to fit");
    }
    if (grad != null) {
      for (int k = 0; k < recordings.size(); k++) {
        double[][] ybar = residuals.get(k);
        for (double[] row : ybar) {
          for (int j = 0; j < row.length; j++) {
            row[j] *= 2.0 / count;
          }
        }
        double[] g = recordings.get(k).backward(ybar).theta();
        for (int j = 0; j < g.length; j++) {
          grad[j] += g[j];
        }
      }
    }
    return sum / count;
  }

  /**
   * Fits θ to {@code panel} over the growing horizon of {@link Options#horizon}: {@code
   * adamSteps} Adam steps at {@code learningRate} (PyTorch's other defaults) on the first stage,
   * then up to {@code lbfgsIterations} L-BFGS iterations on every stage, each from where the
   * stage before ended (the first from the Adam point with the lowest loss). Adam explores on
   * the short horizon, where the loss is benign and a far-off start is cheap to correct; near a
   * minimum its fixed-size steps only undo progress, so the longer horizons, which start close to
   * their minimum, are left to L-BFGS. With {@link GrowingHorizon#none()} this is Adam then
   * L-BFGS on all the data. The Adam phase stops early at a non-finite loss or gradient.
   *
   * @param theta the starting θ (e.g. {@link #initialTheta}); not modified
   * @throws IllegalArgumentException as {@link #loss}, or if a count is negative
   */
  public Result fit(Panel panel, double[] theta, int adamSteps, double learningRate,
      int lbfgsIterations) {
    if (adamSteps < 0 || lbfgsIterations < 0) {
      throw new IllegalArgumentException("adamSteps and lbfgsIterations must be >= 0, got "
          + adamSteps + " and " + lbfgsIterations);
    }
    double[] x = theta.clone();
    layout.checkLength(x, "θ");
    List<Panel> panels = options.horizon().stages(panel, model.t0());
    double[] losses = new double[adamSteps];
    List<Stage> stages = new ArrayList<>();
    Lbfgs.Result lr = null;
    int done = 0;
    for (int k = 0; k < panels.size(); k++) {
      Panel p = panels.get(k);
      int ran = k == 0 ? adam(p, x, learningRate, losses) : 0;
      done += ran;
      lr = Lbfgs.builder().build(x.length)
          .minimize((th, g) -> loss(p, th, g), x, lbfgsIterations);
      stages.add(new Stage(lastTime(p), ran, lr));
    }
    return new Result(x, lr.loss(), java.util.Arrays.copyOf(losses, done), lr,
        List.copyOf(stages));
  }

  /**
   * {@code losses.length} Adam steps on {@code p} from {@code x}; leaves in {@code x} the visited
   * point with the lowest loss, records the losses, returns the steps done.
   */
  private int adam(Panel p, double[] x, double learningRate, double[] losses) {
    int steps = losses.length;
    Optimizer adam = Adam.builder().learningRate(learningRate).build(x.length);
    double[] grad = new double[x.length];
    double[] best = x.clone();
    double bestLoss = Double.POSITIVE_INFINITY;
    int done = 0;
    for (; done < steps; done++) {
      double l = loss(p, x, grad);
      if (!Double.isFinite(l) || !finite(grad)) {
        break;
      }
      losses[done] = l;
      if (l < bestLoss) {
        bestLoss = l;
        System.arraycopy(x, 0, best, 0, x.length);
      }
      adam.step(x, grad);
    }
    double last = done == steps && done > 0 ? loss(p, x, null) : Double.NaN;
    if (!(Double.isFinite(last) && last < bestLoss) && done > 0) {
      System.arraycopy(best, 0, x, 0, x.length);
    }
    return done;
  }

  private static double lastTime(Panel p) {
    double t = Double.NEGATIVE_INFINITY;
    for (Series s : p.series()) {
      t = Math.max(t, s.time(s.length() - 1));
    }
    return t;
  }

  // ---------------------------------------------------------------- internals

  private static double[] times(Series s) {
    double[] ts = new double[s.length()];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = s.time(i);
    }
    return ts;
  }

  private Recording solve(double[] ts, double[] theta, String what) {
    if (ts.length == 0) {
      throw new IllegalArgumentException("model '" + model.name() + "' on " + what
          + ": no times to solve at");
    }
    if (ts[0] < model.t0()) {
      throw new IllegalArgumentException(what + " starts at " + ts[0]
          + ", before the model's t0 = " + model.t0());
    }
    return GradientSolve.of(term, options.solver(), model.t0(), ts[ts.length - 1],
        model.initialState(), theta).saveAt(ts)
        .controller(PidController.of(options.rtol(), options.atol()))
        .adjoint(options.adjoint()).maxSteps(options.maxSteps()).forward();
  }

  private int[] channelStates(Panel panel) {
    int[] out = new int[panel.channels().size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = model.stateNames().indexOf(panel.channels().get(c));
      if (out[c] < 0) {
        throw new IllegalArgumentException(panel.source() + ": channel '"
            + panel.channels().get(c) + "' is not a state of model '" + model.name()
            + "' (states: " + String.join(" ", model.stateNames()) + ")");
      }
    }
    return out;
  }

  private double[] weights(Panel panel) {
    double[] w = new double[panel.channels().size()];
    if (options.noise() == null) {
      java.util.Arrays.fill(w, 1);
      return w;
    }
    if (options.noise().length != w.length) {
      throw new IllegalArgumentException("noise scales: " + options.noise().length + " given for "
          + w.length + " channels " + panel.channels());
    }
    for (int c = 0; c < w.length; c++) {
      w[c] = 1 / (options.noise()[c] * options.noise()[c]);
    }
    return w;
  }

  private static boolean finite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** {@code (t, y, θ) -> [dy]}: the model's field with fitted values and networks from θ. */
  private Tensor[] field(Tensor... in) {
    Tensor theta = in[2];
    Parameters ps = Parameters.of(layout, theta);
    Tensor u = ps.get("params");
    List<Parameter> all = model.params();
    Tensor[] p = new Tensor[all.size()];
    int k = 0;
    for (int j = 0; j < p.length; j++) {
      Parameter q = all.get(j);
      p[j] = q.fit() ? transforms.get(k).value(q, u.index(0, k++)) : Tensor.scalar(q.value());
    }
    Tensor pv = p.length == 0 ? Tensor.vector() : Tensor.stack(0, p);
    Map<String, TensorFn> fns = new HashMap<>();
    for (Map.Entry<String, Mlp> e : networks.entrySet()) {
      Mlp net = e.getValue();
      Parameters scope = ps.scope(e.getKey());
      fns.put(e.getKey(), args -> new Tensor[] {callNetwork(net, scope, args)});
    }
    return model.vectorField(fns).apply(in[0], in[1], pv);
  }

  private static Tensor callNetwork(Mlp net, Parameters p, Tensor[] args) {
    Shape batch = args[0].shape();
    for (Tensor a : args) {
      batch = Shape.broadcast("network call", batch, a.shape());
    }
    Tensor[] cols = new Tensor[args.length];
    for (int i = 0; i < args.length; i++) {
      cols[i] = args[i].shape().equals(batch) ? args[i] : args[i].broadcastTo(batch);
    }
    Tensor out = net.forward(p, Tensor.stack(batch.rank(), cols));
    return out.index(batch.rank(), 0);
  }
}
