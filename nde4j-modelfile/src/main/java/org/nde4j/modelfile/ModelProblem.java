package org.nde4j.modelfile;

import org.nde4j.compile.Function;
import org.nde4j.compile.PlanRunner;
import org.nde4j.solve.event.Direction;
import org.nde4j.solve.event.Event;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.OdeTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * A model file as a problem for {@code nde4j-solve}: its equations as a compiled {@link OdeTerm}
 * (parameters held constant), its events as solver {@link Event}s, and a ready {@link Solve} over
 * its time span with its state names for diagnoses.
 */
public final class ModelProblem {
  private ModelProblem() {}

  /** The equations, traced and compiled once for a single (unbatched) state. */
  public static OdeTerm term(ModelDefinition def) {
    return OdeTerm.of(def.vectorField(), Shape.of(def.numStates()), params(def));
  }

  private static Tensor params(ModelDefinition def) {
    return Tensor.wrap(def.paramValues(), Shape.of(def.numParams()));
  }

  /** The events, in file order, compiled. */
  public static Event[] events(ModelDefinition def) {
    int n = def.numStates();
    Shape[] shapes = {Shape.scalar(), Shape.of(n), Shape.of(def.numParams())};
    double[] p = def.paramValues();
    Event[] out = new Event[def.events().size()];
    for (int i = 0; i < out.length; i++) {
      EventDefinition ed = def.events().get(i);
      PlanRunner g = Function.of(def.eventCondition(i)).plan(shapes).runner();
      double[] time = new double[1];
      double[] value = new double[1];
      double[][] in = {time, null, p};
      double[][] gOut = {value};
      Event e = Event.when(ed.name(), (t, y) -> {
        time[0] = t;
        in[1] = y;
        g.run(in, gOut);
        return value[0];
      }).direction(switch (ed.direction()) {
        case RISING -> Direction.RISING;
        case FALLING -> Direction.FALLING;
        case BOTH -> Direction.BOTH;
      }).terminal(ed.terminate());
      if (!ed.reset().isEmpty()) {
        PlanRunner r = Function.of(def.eventReset(i)).plan(shapes).runner();
        double[] next = new double[n];
        double[][] rOut = {next};
        e = e.reset((t, y) -> {
          time[0] = t;
          in[1] = y;
          r.run(in, rOut);
          System.arraycopy(next, 0, y, 0, n);
        });
      }
      out[i] = e;
    }
    return out;
  }

  /** A solve of the model over its time span with {@code solver}, its events and state names. */
  public static Solve solve(ModelDefinition def, Solver solver) {
    return Solve.of(term(def), solver, def.t0(), def.t1(), def.initialState())
        .events(events(def)).stateNames(def.stateNames().toArray(new String[0]));
  }
}
