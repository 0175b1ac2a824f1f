package org.nde4j.modelfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nde4j.expr.Expr;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;

/**
 * A validated, immutable model: states with initial values and parameters (both in file order),
 * one equation {@code d(state)/dt = expression} per state, the time span, optional solver
 * settings and events. Every symbol in every expression is a state, a parameter, {@code t} or
 * {@code pi}. Obtained from {@link ModelFile#load}; {@link #withParams} and {@link #withT1} derive
 * variants.
 *
 * <p>The tensor functions take {@code (t, y, p)}: {@code t} of shape {@code []}, {@code y} of
 * shape {@code [..., numStates()]} (any leading batch axes, states in {@link #stateNames()}
 * order), {@code p} of shape {@code [numParams()]} in {@link #paramNames()} order (a {@code [0]}
 * tensor when there are none). They use core ops only, so they run eagerly and trace and compile
 * ({@code org.nde4j.compile.Function}), and Jacobians come from autodiff. A wrong input shape
 * raises {@link org.nde4j.tensor.ShapeException} naming the model and the expected shape.
 */
public final class ModelDefinition {
  private final String name;
  private final String description;
  private final List<String> stateNames;
  private final double[] initialState;
  private final List<Parameter> params;
  private final List<NetworkDefinition> networks;
  private final List<Expr> equations;
  private final Optional<NoiseDefinition> noise;
  private final double t0;
  private final double t1;
  private final Optional<SolverSettings> solver;
  private final List<EventDefinition> events;

  ModelDefinition(String name, String description, List<String> stateNames, double[] initialState,
      List<Parameter> params, List<NetworkDefinition> networks, List<Expr> equations,
      Optional<NoiseDefinition> noise, double t0, double t1, Optional<SolverSettings> solver,
      List<EventDefinition> events) {
    this.name = name;
    this.description = description;
    this.stateNames = List.copyOf(stateNames);
    this.initialState = initialState.clone();
    this.params = List.copyOf(params);
    this.networks = List.copyOf(networks);
    this.equations = List.copyOf(equations);
    this.noise = noise;
    this.t0 = t0;
    this.t1 = t1;
    this.solver = solver;
    this.events = List.copyOf(events);
  }

  /** The model's name (the file name without extension when the file gives none). */
  public String name() {
    return name;
  }

  /** The free-text description, or "" if the file gives none. */
  public String description() {
    return description;
  }

  /** State names in file order; this order is the last axis of {@code y}. */
  public List<String> stateNames() {
    return stateNames;
  }

  public int numStates() {
    return stateNames.size();
  }

  /** Initial values in {@link #stateNames()} order (a fresh copy). */
  public double[] initialState() {
    return initialState.clone();
  }

  /** Parameters in file order. */
  public List<Parameter> params() {
    return params;
  }

  public int numParams() {
    return params.size();
  }

  /** Parameter names in file order; this is the order of {@code p}. */
  public List<String> paramNames() {
    List<String> n = new ArrayList<>(params.size());
    for (Parameter p : params) {
      n.add(p.name());
    }
    return Collections.unmodifiableList(n);
  }

  /** Parameter values in {@link #paramNames()} order (a fresh copy). */
  public double[] paramValues() {
    double[] v = new double[params.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = params.get(i).value();
    }
    return v;
  }

  /** Networks declared in the {@code networks:} section, in file order (often none). */
  public List<NetworkDefinition> networks() {
    return networks;
  }

  /** The right-hand sides, in {@link #stateNames()} order. */
  public List<Expr> equations() {
    return equations;
  }

  /** Start of the time span. */
  public double t0() {
    return t0;
  }

  /** End of the time span (finite, different from {@link #t0()}; may be below it). */
  public double t1() {
    return t1;
  }

  /** The {@code solver:} section, if the file has one. */
  public Optional<SolverSettings> solver() {
    return solver;
  }

  /** Events in file order. */
  public List<EventDefinition> events() {
    return events;
  }

  /**
   * This model with some parameter values replaced (for {@code --param k=v}).
   *
   * @throws IllegalArgumentException naming the parameter and listing the known ones if a name is
   *     not a parameter; if a value is not finite or is outside the parameter's bounds
   */
  public ModelDefinition withParams(Map<String, Double> values) {
    List<Parameter> next = new ArrayList<>(params);
    for (Map.Entry<String, Double> e : values.entrySet()) {
      int i = paramNames().indexOf(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException("model '" + name + "' has no parameter '" + e.getKey()
            + "' (" + (params.isEmpty() ? "it has no parameters"
                : "known: " + String.join(" ", paramNames())) + ")");
      }
      next.set(i, next.get(i).withValue(e.getValue()));
    }
    return new ModelDefinition(name, description, stateNames, initialState, next, networks,
        equations, noise, t0, t1, solver, events);
  }

  /**
   * This model with another end time.
   *
   * @throws IllegalArgumentException if {@code t1} is not finite or equals {@link #t0()}
   */
  public ModelDefinition withT1(double t1) {
    if (!Double.isFinite(t1) || t1 == t0) {
      throw new IllegalArgumentException("end time must be finite and differ from t0 = " + t0
          + ", got " + t1);
    }
    return new ModelDefinition(name, description, stateNames, initialState, params, networks,
        equations, noise, t0, t1, solver, events);
  }

  /**
   * {@code (t, y, p) -> [dy/dt]} with {@code dy} of {@code y}'s shape.
   *
   * @throws IllegalStateException if the model declares networks (use {@link
   *     #vectorField(Map)})
   */
  public TensorFn vectorField() {
    return vectorField(Map.of());
  }

  /**
   * The vector field of a model with networks: {@code networks.get(name)} implements the network
   * of that name. It receives the call's arguments (one tensor per declared input, each of shape
   * {@code []} or {@code y}'s batch shape {@code y.shape()} without its last axis) and returns, as
   * its first output, one value per batch row (that batch shape, or {@code []}).
   *
   * @throws IllegalStateException if {@code networks} does not implement exactly the declared
   *     networks (the message lists both)
   */
  public TensorFn vectorField(Map<String, TensorFn> networks) {
    List<String> declaredNames = new ArrayList<>();
    for (NetworkDefinition n : this.networks) {
      declaredNames.add(n.name());
    }
    if (!networks.keySet().equals(new java.util.HashSet<>(declaredNames))) {
      throw new IllegalStateException("model '" + name + "' declares networks ["
          + String.join(" ", declaredNames) + "] but implementations were given for "
          + new java.util.TreeSet<>(networks.keySet())
          + (declaredNames.isEmpty() ? "" : " (nde4j-learn's ModelFit instantiates them)"));
    }
    return compiler(networks).stacked("vector field", equations);
  }

  /** The {@code noise:} section: present when the model is a stochastic differential equation. */
  public Optional<NoiseDefinition> noise() {
    return noise;
  }

  /**
   * {@code (t, y, p) -> [g]}, the diffusion of a stochastic model: shape {@code y.shape()} for
   * diagonal and additive noise (entry {@code i} multiplies channel {@code i}), {@code y.shape() ++
   * [m]} for a general {@code n × m} matrix.
   *
   * @throws IllegalStateException if the model has no {@code noise:} section, or declares networks
   */
  public TensorFn diffusion() {
    NoiseDefinition n = noise.orElseThrow(() -> new IllegalStateException("model '" + name
        + "' has no 'noise' section: it is an ODE"));
    if (!networks.isEmpty()) {
      throw new IllegalStateException("model '" + name + "': networks in stochastic models are"
          + " not supported");
    }
    if (n.kind() != NoiseDefinition.Kind.GENERAL) {
      return compiler(Map.of()).stacked("diffusion", n.entries());
    }
    int m = n.channels();
    List<TensorFn> rows = new ArrayList<>();
    for (int i = 0; i < stateNames.size(); i++) {
      rows.add(compiler(Map.of()).stacked("diffusion row " + stateNames.get(i),
          n.entries().subList(i * m, (i + 1) * m)));
    }
    return in -> {
      Tensor[] parts = new Tensor[rows.size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = rows.get(i).apply(in)[0];
      }
      return new Tensor[] {Tensor.stack(in[1].rank() - 1, parts)};
    };
  }

  /**
   * {@code (t, y, p) -> [g]} for event {@code i}: its condition, of shape {@code y.shape()}
   * without the last axis (one value per batch row; {@code []} for an unbatched {@code y}).
   *
   * @throws IndexOutOfBoundsException if there is no event {@code i}
   */
  public TensorFn eventCondition(int i) {
    EventDefinition e = events.get(i);
    return compiler().scalar("condition of event '" + e.name() + "'", e.condition());
  }

  /**
   * {@code (t, y, p) -> [y']} for event {@code i}: the state after its reset, of {@code y}'s
   * shape; states the event does not assign keep their value.
   *
   * @throws IndexOutOfBoundsException if there is no event {@code i}
   */
  public TensorFn eventReset(int i) {
    EventDefinition e = events.get(i);
    List<Expr> perState = new ArrayList<>();
    for (String s : stateNames) {
      perState.add(e.reset().get(s));
    }
    return compiler().stacked("reset of event '" + e.name() + "'", perState);
  }

  private ModelCompiler compiler() {
    return compiler(Map.of());
  }

  private ModelCompiler compiler(Map<String, TensorFn> functions) {
    return new ModelCompiler(name, stateNames, paramNames(), functions);
  }

  @Override
  public String toString() {
    return "model '" + name + "': states " + String.join(" ", stateNames) + ", params "
        + String.join(" ", paramNames()) + ", t in [" + t0 + ", " + t1 + "], " + events.size()
        + " event(s)";
  }
}
