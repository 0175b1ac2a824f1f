package org.nde4j.cli.solve;

import java.util.List;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Stats;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON summary of a solve: {@code {status, diagnosis, t_end, y_end: {name: value}, stats: {nfe,
 * steps, accepted, rejected, rejected_error, rejected_nonlinear, rejected_nonfinite, and for
 * implicit methods jacobians, factorizations, linear_solves, newton_iterations}, events: [{name,
 * t}], wall_ms, solver, rtol, atol, model}}.
 */
public final class SolveSummary {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private SolveSummary() {}

  public static String json(String model, Solution s, List<String> names, double wallMs,
      double rtol, double atol) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("model", model);
    o.put("status", s.status().name());
    o.put("diagnosis", s.diagnosis().message());
    o.put("t_end", s.tEnd());
    ObjectNode y = o.putObject("y_end");
    double[] yEnd = s.yEnd();
    for (int i = 0; i < names.size(); i++) {
      y.put(names.get(i), yEnd[i]);
    }
    Stats st = s.stats();
    ObjectNode stats = o.putObject("stats");
    stats.put("nfe", st.nfe());
    stats.put("steps", st.steps());
    stats.put("accepted", st.accepted());
    stats.put("rejected", st.rejected());
    var w = st.work();
    if (w.jacobians() + w.factorizations() + w.linearSolves() > 0) {
      stats.put("jacobians", w.jacobians());
      stats.put("factorizations", w.factorizations());
      stats.put("linear_solves", w.linearSolves());
      stats.put("newton_iterations", w.newtonIterations());
    }
    stats.put("rejected_error", st.rejectedByError());
    stats.put("rejected_nonlinear", st.rejectedNonlinear());
    stats.put("rejected_nonfinite", st.rejectedNonFinite());
    if (st.stiffnessDetected()) {
      stats.put("stiff_at", st.stiffAt());
    }
    var events = o.putArray("events");
    for (var e : s.events()) {
      events.addObject().put("name", e.name()).put("t", e.t());
    }
    o.put("wall_ms", Math.round(wallMs * 1000) / 1000.0);
    o.put("solver", s.solver());
    if (Double.isNaN(rtol)) {
      o.putNull("rtol");
      o.putNull("atol");
    } else {
      o.put("rtol", rtol);
      o.put("atol", atol);
    }
    return MAPPER.writeValueAsString(o) + System.lineSeparator();
  }
}
