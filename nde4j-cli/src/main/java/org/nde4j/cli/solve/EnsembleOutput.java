package org.nde4j.cli.solve;

import java.util.List;
import org.nde4j.solve.integrate.EnsembleSummary;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text outputs of an SDE ensemble: the per-time summary as CSV ({@code t}, then for each
 * state {@code <s>_mean, <s>_std, <s>_q<level>…}), the kept sample paths as long CSV ({@code
 * path,t,<states>}), and the JSON summary (paths, and per state the mean, standard deviation,
 * standard error and quantiles at the end time).
 */
public final class EnsembleOutput {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private EnsembleOutput() {}

  /** Column label of a quantile level: {@code q0.05}, {@code q0.5}. */
  static String label(double level) {
    return "q" + SolutionCsv.repr(level);
  }

  /** The per-time summary. */
  public static String summaryCsv(EnsembleSummary s, List<String> names) {
    StringBuilder b = new StringBuilder("t");
    for (String n : names) {
      b.append(',').append(n).append("_mean,").append(n).append("_std");
      for (double q : s.quantileLevels()) {
        b.append(',').append(n).append('_').append(label(q));
      }
    }
    b.append('\n');
    for (int t = 0; t < s.ts().length; t++) {
      b.append(SolutionCsv.repr(s.ts()[t]));
      for (int i = 0; i < names.size(); i++) {
        b.append(',').append(SolutionCsv.repr(s.mean()[t][i]));
        b.append(',').append(SolutionCsv.repr(s.std()[t][i]));
        for (int l = 0; l < s.quantileLevels().length; l++) {
          b.append(',').append(SolutionCsv.repr(s.quantiles()[l][t][i]));
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** The kept sample paths, long format. */
  public static String pathsCsv(EnsembleSummary s, List<String> names) {
    StringBuilder b = new StringBuilder("path,t");
    for (String n : names) {
      b.append(',').append(n);
    }
    b.append('\n');
    for (int p = 0; p < s.samplePaths().size(); p++) {
      double[][] ys = s.samplePaths().get(p);
      for (int t = 0; t < ys.length; t++) {
        b.append(p).append(',').append(SolutionCsv.repr(s.ts()[t]));
        for (double v : ys[t]) {
          b.append(',').append(SolutionCsv.repr(v));
        }
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** The JSON summary: settings, path counts, and per state the statistics at the end time. */
  public static String json(String model, String sde, String solver, long seed, double dt,
      double wallMs, EnsembleSummary s, List<String> names) {
    int end = s.ts().length - 1;
    double[] se = s.standardError()[end];
    ObjectNode o = MAPPER.createObjectNode();
    o.put("model", model);
    o.put("sde", sde);
    o.put("solver", solver);
    o.put("seed", seed);
    o.put("dt", dt);
    o.put("paths", s.paths());
    o.put("successful", s.successful());
    o.put("failed", s.failed());
    if (s.firstFailure() != null) {
      o.put("first_failure", s.firstFailure());
    }
    o.put("t_end", s.ts()[end]);
    o.put("exact_quantiles", s.exactQuantiles());
    o.put("evaluations", s.evaluations());
    o.put("wall_ms", Math.round(wallMs * 1000) / 1000.0);
    ObjectNode states = o.putObject("states");
    for (int i = 0; i < names.size(); i++) {
      ObjectNode st = states.putObject(names.get(i));
      st.put("mean", s.mean()[end][i]);
      st.put("std", s.std()[end][i]);
      st.put("standard_error", se[i]);
      ObjectNode q = st.putObject("quantiles");
      for (int l = 0; l < s.quantileLevels().length; l++) {
        q.put(SolutionCsv.repr(s.quantileLevels()[l]), s.quantiles()[l][end][i]);
      }
    }
    return MAPPER.writeValueAsString(o) + System.lineSeparator();
  }
}
