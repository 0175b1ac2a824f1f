package org.nde4j.modelfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.nde4j.expr.Builtin;
import org.nde4j.expr.Expr;
import org.nde4j.expr.ExprCompiler;
import org.nde4j.expr.ExprException;
import org.nde4j.expr.ExprParser;
import org.nde4j.expr.Symbol;
import org.nde4j.modelfile.Node.Entry;
import org.nde4j.modelfile.Node.Mapping;
import org.nde4j.modelfile.Node.Scalar;
import org.nde4j.modelfile.Node.ScalarKind;
import org.nde4j.modelfile.Node.Sequence;

/** Validates the {@link Node} tree of a model file and builds the {@link ModelDefinition}. */
final class DefinitionReader {
  private static final List<String> TOP_KEYS = List.of("name", "description", "states", "params",
      "networks", "equations", "noise", "sde_type", "tspan", "solver", "events");

  private final String file;
  private final String defaultName;
  /** Declared names (states, then parameters) with the entry that declared them. */
  private final Map<String, Entry> declared = new LinkedHashMap<>();
  private final Map<String, String> kinds = new HashMap<>();
  private final List<String> states = new ArrayList<>();
  private final List<String> known = new ArrayList<>();
  /** Declared networks: name to number of inputs, for the expression parser. */
  private final Map<String, Integer> functions = new LinkedHashMap<>();

  DefinitionReader(String file, String defaultName) {
    this.file = file;
    this.defaultName = defaultName;
  }

  ModelDefinition read(Node root) {
    if (root == null) {
      throw error(1, 1, "the file is empty: expected a mapping with 'states', 'equations' and"
          + " 'tspan'");
    }
    Mapping top = mapping(root, "the model (a mapping with 'states', 'equations' and 'tspan')");
    Map<String, Entry> keys = keys(top, TOP_KEYS, "top-level key");
    String name = keys.containsKey("name") ? string(keys.get("name").value(), "the model name")
        : defaultName;
    String description = keys.containsKey("description")
        ? string(keys.get("description").value(), "the description") : "";

    Entry statesEntry = require(keys, "states", top, "a mapping of state names to initial values");
    double[] y0 = states(statesEntry);
    List<Parameter> params = keys.containsKey("params") ? params(keys.get("params"))
        : List.of();
    known.addAll(states);
    for (Parameter p : params) {
      known.add(p.name());
    }
    known.add(ModelFile.TIME);
    List<NetworkDefinition> networks = keys.containsKey("networks")
        ? networks(keys.get("networks")) : List.of();

    Entry eqEntry = require(keys, "equations", top, "one equation per state ("
        + String.join(" ", states) + ")");
    List<Expr> equations = equations(eqEntry);
    Optional<NoiseDefinition> noise = keys.containsKey("noise")
        ? Optional.of(noise(keys.get("noise"), keys.get("sde_type"))) : Optional.empty();
    if (noise.isEmpty() && keys.containsKey("sde_type")) {
      throw error(keys.get("sde_type"), "'sde_type' without a 'noise' section: add the noise"
          + " (one diffusion expression per state) or remove sde_type");
    }
    double[] tspan = tspan(require(keys, "tspan", top, "[t0, t1]"));
    Optional<SolverSettings> solver = keys.containsKey("solver")
        ? Optional.of(solver(keys.get("solver"))) : Optional.empty();
    List<EventDefinition> events = keys.containsKey("events") ? events(keys.get("events"))
        : List.of();
    return new ModelDefinition(name, description, states, y0, params, networks, equations,
        noise, tspan[0], tspan[1], solver, events);
  }

  // ---------------------------------------------------------------- sections

  private double[] states(Entry section) {
    Mapping m = mapping(section.value(), "a mapping of state names to initial values");
    if (m.entries().isEmpty()) {
      throw error(m, "no states: expected at least one state with its initial value");
    }
    double[] y0 = new double[m.entries().size()];
    for (int i = 0; i < y0.length; i++) {
      Entry e = m.entries().get(i);
      declare(e, "state");
      states.add(e.key());
      y0[i] = finiteNumber(e.value(), "the initial value of state '" + e.key() + "'");
    }
    return y0;
  }

  private List<Parameter> params(Entry section) {
    Node v = section.value();
    if (v instanceof Scalar s && s.kind() == ScalarKind.NULL) {
      return List.of();
    }
    Mapping m = mapping(v, "a mapping of parameter names to values");
    List<Parameter> out = new ArrayList<>();
    for (Entry e : m.entries()) {
      declare(e, "parameter");
      out.add(parameter(e));
    }
    return out;
  }

  private Parameter parameter(Entry e) {
    String what = "the value of parameter '" + e.key() + "'";
    if (!(e.value() instanceof Mapping m)) {
      return Parameter.of(e.key(), finiteNumber(e.value(), what));
    }
    Map<String, Entry> k = keys(m, List.of("value", "fit", "lower", "upper", "bounds",
        "positive"), "key of parameter '" + e.key() + "'");
    double value = finiteNumber(require(k, "value", m, "the parameter's value").value(), what);
    boolean fit = k.containsKey("fit") && bool(k.get("fit").value(), "'fit'");
    double lower = k.containsKey("lower")
        ? number(k.get("lower").value(), "the lower bound of '" + e.key() + "'")
        : Double.NEGATIVE_INFINITY;
    double upper = k.containsKey("upper")
        ? number(k.get("upper").value(), "the upper bound of '" + e.key() + "'")
        : Double.POSITIVE_INFINITY;
    if (k.containsKey("bounds")) {
      Entry b = k.get("bounds");
      conflict(k, b, "lower", "upper", "positive");
      if (!(b.value() instanceof Sequence s) || s.items().size() != 2) {
        throw error(b.value(), "expected bounds of '" + e.key() + "' to be two numbers [lo, hi]"
            + " but found " + b.value().describe());
      }
      lower = number(s.items().get(0), "the lower bound of '" + e.key() + "'");
      upper = number(s.items().get(1), "the upper bound of '" + e.key() + "'");
    }
    if (k.containsKey("positive") && bool(k.get("positive").value(), "'positive'")) {
      Entry pos = k.get("positive");
      conflict(k, pos, "lower", "upper");
      if (!(value > 0)) {
        throw error(k.get("value").value(), "parameter '" + e.key() + "' is positive but its value"
            + " is " + value + ": expected a value above 0");
      }
      lower = 0;
    }
    if (fit && (value == lower || value == upper)) {
      throw error(k.get("value").value(), "parameter '" + e.key() + "' is fitted, so its initial"
          + " value " + value + " must lie strictly inside its bounds [" + lower + ", " + upper
          + "]");
    }
    try {
      return new Parameter(e.key(), value, fit, lower, upper);
    } catch (IllegalArgumentException ex) {
      throw error(m, ex.getMessage());
    }
  }

  private void conflict(Map<String, Entry> k, Entry at, String... others) {
    for (String o : others) {
      if (k.containsKey(o)) {
        throw error(at, "'" + at.key() + "' and '" + o + "' both set bounds: use one of them");
      }
    }
  }

  private List<NetworkDefinition> networks(Entry section) {
    Mapping m = mapping(section.value(), "a mapping of network names to {inputs, hidden,"
        + " activation, outputs}");
    List<NetworkDefinition> out = new ArrayList<>();
    for (Entry e : m.entries()) {
      declare(e, "network");
      String where = "network '" + e.key() + "'";
      Mapping n = mapping(e.value(), "a mapping with 'inputs', 'hidden', 'activation' and"
          + " 'outputs' for " + where);
      Map<String, Entry> k = keys(n, List.of("inputs", "hidden", "activation", "outputs"),
          "key of " + where);
      Entry in = require(k, "inputs", n, "the list of input names, e.g. [x, y]");
      List<String> inputs = new ArrayList<>();
      for (Node item : sequence(in.value(), "a list of input names for " + where).items()) {
        String name = string(item, "an input name of " + where);
        if (!Symbol.isIdentifier(name) || inputs.contains(name)) {
          throw error(item, "input '" + name + "' of " + where + " is "
              + (inputs.contains(name) ? "repeated" : "not a name") + ": expected distinct names");
        }
        inputs.add(name);
      }
      if (inputs.isEmpty()) {
        throw error(in.value(), where + " has no inputs: expected at least one input name");
      }
      List<Integer> hidden = new ArrayList<>();
      if (k.containsKey("hidden")) {
        for (Node item : sequence(k.get("hidden").value(), "a list of hidden widths for "
            + where).items()) {
          hidden.add(positiveInt(item, "a hidden width of " + where));
        }
      }
      String activation = "tanh";
      if (k.containsKey("activation")) {
        Node a = k.get("activation").value();
        activation = string(a, "the activation of " + where);
        if (!NetworkDefinition.ACTIVATIONS.contains(activation)) {
          throw error(a, "unknown activation '" + activation + "' for " + where + " (known: "
              + String.join(" ", NetworkDefinition.ACTIVATIONS) + ")");
        }
      }
      if (k.containsKey("outputs")) {
        Node o = k.get("outputs").value();
        int outputs = positiveInt(o, "the outputs of " + where);
        if (outputs != 1) {
          throw error(o, where + " has " + outputs + " outputs: a network returns one value;"
              + " declare one network per output");
        }
      }
      out.add(new NetworkDefinition(e.key(), inputs, hidden, activation, 1));
      functions.put(e.key(), inputs.size());
    }
    return out;
  }

  private Sequence sequence(Node v, String what) {
    if (v instanceof Sequence s) {
      return s;
    }
    throw error(v, "expected " + what + " but found " + v.describe());
  }

  private int positiveInt(Node v, String what) {
    double x = finiteNumber(v, what);
    if (x < 1 || x != Math.rint(x) || x > 1 << 20) {
      throw error(v, "expected a whole number from 1 to " + (1 << 20) + " for " + what
          + " but found " + ((Scalar) v).text());
    }
    return (int) x;
  }

  private List<Expr> equations(Entry section) {
    Node v = section.value();
    if (v instanceof Scalar s && s.kind() == ScalarKind.NULL) {
      throw error(section, "empty 'equations' section: expected one"
          + " equation per state (" + String.join(" ", states) + ")");
    }
    Mapping m = mapping(v, "a mapping of state names to expressions");
    if (m.entries().isEmpty()) {
      throw error(m, "empty 'equations' section: expected one equation per state ("
          + String.join(" ", states) + ")");
    }
    Map<String, Expr> byState = new HashMap<>();
    for (Entry e : m.entries()) {
      if (!states.contains(e.key())) {
        throw error(e, "equation for undeclared state '" + e.key() + "' (states: "
            + String.join(" ", states) + ")");
      }
      byState.put(e.key(), expression(e.value(), "equation for " + e.key()));
    }
    List<Expr> out = new ArrayList<>();
    for (String s : states) {
      if (!byState.containsKey(s)) {
        throw error(m, "missing equation for state '" + s + "': expected one equation per state ("
                + String.join(" ", states) + ")");
      }
      out.add(byState.get(s));
    }
    return out;
  }

  private NoiseDefinition noise(Entry section, Entry sdeType) {
    boolean stratonovich = false;
    if (sdeType != null) {
      String type = string(sdeType.value(), "sde_type");
      if (!type.equals("ito") && !type.equals("stratonovich")) {
        throw error(sdeType.value(), "unknown sde_type '" + type + "' (expected ito or"
            + " stratonovich)");
      }
      stratonovich = type.equals("stratonovich");
    }
    Mapping m = mapping(section.value(), "a mapping of state names to diffusion expressions"
        + " (diagonal noise) or to lists of expressions (one matrix row per state)");
    if (m.entries().isEmpty()) {
      throw error(m, "empty 'noise' section: expected a diffusion expression for at least one"
          + " state (" + String.join(" ", states) + ")");
    }
    Map<String, Entry> byState = new HashMap<>();
    int channels = -1;
    for (Entry e : m.entries()) {
      if (!states.contains(e.key())) {
        throw error(e, "noise for undeclared state '" + e.key() + "' (states: "
            + String.join(" ", states) + ")");
      }
      int width = e.value() instanceof Sequence seq ? seq.items().size() : 0;
      if (channels >= 0 && width != channels) {
        throw error(e.value(), "noise rows must all be expressions (diagonal noise) or all lists"
            + " of the same length (a matrix): state '" + e.key() + "' has "
            + (width == 0 ? "an expression" : "a row of " + width) + " but an earlier state has "
            + (channels == 0 ? "an expression" : "a row of " + channels));
      }
      if (width == 0 && e.value() instanceof Sequence) {
        throw error(e.value(), "empty noise row for state '" + e.key() + "'");
      }
      channels = width;
      byState.put(e.key(), e);
    }
    List<Expr> entries = new ArrayList<>();
    List<String> withoutStates = new ArrayList<>(known);
    withoutStates.removeAll(states);
    boolean additive = true;
    Expr zero = ExprParser.parse("0");
    for (String state : states) {
      Entry e = byState.get(state);
      List<Node> items = e == null ? null
          : e.value() instanceof Sequence seq ? seq.items() : List.of(e.value());
      for (int j = 0; j < Math.max(1, channels); j++) {
        Expr x = items == null ? zero : expression(items.get(j), "noise of " + state
            + (channels > 0 ? " (column " + (j + 1) + ")" : ""));
        entries.add(x);
        try {
          ExprCompiler.check(x, withoutStates);
        } catch (ExprException ex) {
          additive = false;
        }
      }
    }
    if (channels > 0) {
      return new NoiseDefinition(NoiseDefinition.Kind.GENERAL, channels, entries, stratonovich);
    }
    return new NoiseDefinition(additive ? NoiseDefinition.Kind.ADDITIVE
        : NoiseDefinition.Kind.DIAGONAL, states.size(), entries, stratonovich);
  }

  private double[] tspan(Entry section) {
    Node v = section.value();
    if (!(v instanceof Sequence s) || s.items().size() != 2) {
      throw error(v, "expected tspan to be two numbers [t0, t1] but found " + v.describe()
          + (v instanceof Sequence s2 ? " of " + s2.items().size() + " items" : ""));
    }
    double t0 = finiteNumber(s.items().get(0), "t0");
    double t1 = finiteNumber(s.items().get(1), "t1");
    if (t0 == t1) {
      throw error(s.items().get(1), "empty time span: t1 equals t0 = " + t0);
    }
    return new double[] {t0, t1};
  }

  private SolverSettings solver(Entry section) {
    Mapping m = mapping(section.value(), "a mapping with 'name', 'rtol', 'atol'");
    Map<String, Entry> k = keys(m, List.of("name", "rtol", "atol"), "key of 'solver'");
    Optional<String> name = k.containsKey("name")
        ? Optional.of(string(k.get("name").value(), "the solver name")) : Optional.empty();
    if (name.isPresent()) {
      try {
        org.nde4j.solve.solver.SolverCatalogue.byName(name.get());
      } catch (IllegalArgumentException e) {
        throw error(k.get("name").value(), e.getMessage());
      }
    }
    return new SolverSettings(name, tolerance(k, "rtol"), tolerance(k, "atol"));
  }

  private OptionalDouble tolerance(Map<String, Entry> k, String key) {
    if (!k.containsKey(key)) {
      return OptionalDouble.empty();
    }
    Node v = k.get(key).value();
    double x = finiteNumber(v, "'" + key + "'");
    if (x <= 0) {
      throw error(v, "expected a positive number for '" + key + "' but found " + x);
    }
    return OptionalDouble.of(x);
  }

  private List<EventDefinition> events(Entry section) {
    Node v = section.value();
    if (!(v instanceof Sequence s)) {
      throw error(v, "expected a list of events but found " + v.describe());
    }
    List<EventDefinition> out = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    for (int i = 0; i < s.items().size(); i++) {
      Mapping m = mapping(s.items().get(i), "an event (a mapping with 'condition')");
      Map<String, Entry> k = keys(m, List.of("name", "condition", "direction", "terminate",
          "reset"), "key of an event");
      String name = k.containsKey("name") ? string(k.get("name").value(), "the event name")
          : "event" + (i + 1);
      Node first = names.putIfAbsent(name, m);
      if (first != null) {
        throw error(m, "duplicate event name '" + name + "' (first at line " + first.line() + ")");
      }
      String where = "event '" + name + "'";
      Expr condition = expression(require(k, "condition", m, "an expression that crosses zero at"
          + " the event").value(), "condition of " + where);
      EventDefinition.Direction direction = k.containsKey("direction")
          ? direction(k.get("direction").value()) : EventDefinition.Direction.BOTH;
      boolean terminate = k.containsKey("terminate") && bool(k.get("terminate").value(),
          "'terminate'");
      Map<String, Expr> reset = k.containsKey("reset") ? reset(k.get("reset"), where) : Map.of();
      out.add(new EventDefinition(name, condition, direction, terminate, reset));
    }
    return out;
  }

  private EventDefinition.Direction direction(Node v) {
    String d = string(v, "the direction (rising, falling or both)");
    try {
      return EventDefinition.Direction.valueOf(d.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(v, "expected a direction 'rising', 'falling' or 'both' but found '" + d + "'");
    }
  }

  private Map<String, Expr> reset(Entry section, String where) {
    Mapping m = mapping(section.value(), "a mapping of state names to expressions");
    Map<String, Expr> out = new LinkedHashMap<>();
    for (Entry e : m.entries()) {
      if (!states.contains(e.key())) {
        throw error(e, "reset of " + where + " assigns '" + e.key() + "', which is not a state"
            + " (states: " + String.join(" ", states) + ")");
      }
      out.put(e.key(), expression(e.value(), "reset of " + e.key() + " in " + where));
    }
    return out;
  }

  // ---------------------------------------------------------------- values

  private void declare(Entry e, String kind) {
    String n = e.key();
    if (!Symbol.isIdentifier(n)) {
      throw error(e, kind + " name '" + n + "' is not a name: expected letters, digits and '_',"
          + " starting with a letter or '_'");
    }
    if (n.equals(ModelFile.TIME) || n.equals(Symbol.PI) || Builtin.byName(n).isPresent()) {
      throw error(e, kind + " name '" + n + "' is reserved ("
          + (n.equals(ModelFile.TIME) ? "the time variable" : n.equals(Symbol.PI) ? "the constant π"
          : "a function") + ")");
    }
    Entry first = declared.putIfAbsent(n, e);
    kinds.putIfAbsent(n, kind);
    if (first != null) {
      throw error(e, kind + " '" + n + "' has the same name as the "
          + kinds.get(n) + " declared at line " + first.line());
    }
  }

  private Expr expression(Node v, String what) {
    if (!(v instanceof Scalar s) || s.kind() == ScalarKind.BOOLEAN) {
      throw error(v, what + ": expected an expression but found " + v.describe());
    }
    if (s.kind() == ScalarKind.NULL) {
      throw error(v, what + ": empty expression");
    }
    try {
      Expr e = ExprParser.parse(s.text(), s.textLine(), s.textColumn(), functions);
      ExprCompiler.check(e, known);
      return e;
    } catch (ExprException ex) {
      throw error(ex.line(), ex.column(), "in " + what + ": " + ex.reason());
    }
  }

  private double number(Node v, String what) {
    if (v instanceof Scalar s && s.kind() == ScalarKind.NUMBER) {
      if (Double.isNaN(s.number())) {
        throw error(v, what + " is NaN: expected a number");
      }
      return s.number();
    }
    throw error(v, "expected a number for " + what + " but found " + v.describe());
  }

  private double finiteNumber(Node v, String what) {
    double x = number(v, what);
    if (Double.isInfinite(x)) {
      throw error(v, what + " is infinite: expected a finite number");
    }
    return x;
  }

  private String string(Node v, String what) {
    if (v instanceof Scalar s && s.kind() == ScalarKind.STRING && !s.text().isBlank()) {
      return s.text();
    }
    throw error(v, "expected a text for " + what + " but found " + v.describe());
  }

  private boolean bool(Node v, String what) {
    if (v instanceof Scalar s && s.kind() == ScalarKind.BOOLEAN) {
      return Boolean.parseBoolean(s.text());
    }
    throw error(v, "expected true or false for " + what + " but found " + v.describe());
  }

  private Mapping mapping(Node v, String what) {
    if (v instanceof Mapping m) {
      return m;
    }
    throw error(v, "expected " + what + " but found " + v.describe());
  }

  private Map<String, Entry> keys(Mapping m, List<String> allowed, String what) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Entry e : m.entries()) {
      if (!allowed.contains(e.key())) {
        throw error(e, "unknown " + what + " '" + e.key() + "' (expected one of: "
            + String.join(" ", allowed) + ")");
      }
      out.put(e.key(), e);
    }
    return out;
  }

  private Entry require(Map<String, Entry> keys, String key, Mapping in, String expected) {
    Entry e = keys.get(key);
    if (e == null) {
      throw error(in, "missing '" + key + "': expected " + expected);
    }
    return e;
  }

  private ModelFileException error(Node at, String reason) {
    return error(at.line(), at.column(), reason);
  }

  private ModelFileException error(Entry at, String reason) {
    return error(at.line(), at.column(), reason);
  }

  private ModelFileException error(int line, int column, String reason) {
    return new ModelFileException(file, line, column, reason);
  }
}
