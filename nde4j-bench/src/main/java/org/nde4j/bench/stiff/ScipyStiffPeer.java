package org.nde4j.bench.stiff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nde4j.bench.PeerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs {@code shared/peers/w2_stiff.py} (scipy's LSODA, BDF and Radau on W2a and W2b) and reads
 * the JSON lines it prints through {@code common.emit}: one line per (problem, method, Jacobian
 * variant) with {@code median_s}/{@code min_s}/{@code max_s}/{@code n} from {@code
 * common.time_it}, {@code nfe}, {@code steps}, {@code njev}, {@code nlu}, {@code y_end} and
 * {@code err_maxabs} (against scipy's own Radau reference, announced by a {@code
 * "kind": "reference"} line).
 *
 * <p>Run by {@link PeerProcess} in a temporary copy of its folder; {@code
 * results/w2_reference.json}, the script's cache of its slow Radau reference, is carried over when
 * it exists.
 */
public final class ScipyStiffPeer {
  private final Path python;
  private final Path script;

  /**
   * @param python the interpreter, e.g. {@code /usr/bin/python3} (with scipy)
   * @param script {@code w2_stiff.py}; {@code common.py} must lie beside it
   */
  public ScipyStiffPeer(Path python, Path script) {
    this.python = python;
    this.script = script;
  }

  /**
   * One measured peer solve.
   *
   * @param problem {@code "robertson"} or {@code "vdp1000"}
   * @param method {@code "LSODA"}, {@code "BDF"} or {@code "Radau"}
   * @param jac {@code "analytic"} or {@code "fd"}
   * @param library e.g. {@code "scipy 1.10.1"}
   * @param yEnd final state
   * @param errScipy max-abs error against scipy's Radau reference (rtol 1e-13)
   */
  public record Run(String problem, String method, String jac, String library, boolean success,
      double medianMs, double minMs, double maxMs, int runs, int nfe, int steps, int njev, int nlu,
      double[] yEnd, double errScipy, boolean clean, double foreignCores) {

    /**
     * The case name: {@code <prefix>_scipy_<method>} for the analytic Jacobian (e.g. {@code
     * w2a_scipy_lsoda}), with {@code _fd} appended for scipy's finite-difference Jacobian; {@code
     * null} for a problem W2 does not know.
     */
    public String caseName() {
      String prefix = switch (problem) {
        case "robertson" -> StiffProblem.W2A.prefix();
        case "vdp1000" -> StiffProblem.W2B.prefix();
        default -> null;
      };
      if (prefix == null) {
        return null;
      }
      return prefix + "_scipy_" + method.toLowerCase(Locale.ROOT)
          + ("analytic".equals(jac) ? "" : "_" + jac);
    }
  }

  /**
   * Runs the script and returns its measurements.
   *
   * @throws IllegalStateException naming the script when it cannot be run, fails, or prints no
   *     measurement
   */
  public List<Run> run() {
    String out = PeerProcess.run(python, script, List.of(),
        List.of("results/w2_reference.json"), Map.of());
    List<Run> runs = parse(out);
    if (runs.isEmpty()) {
      throw new IllegalStateException("peer script " + script + " printed no W2 measurement: "
          + out);
    }
    return runs;
  }

  /** The measurement lines ({@code "workload": "w2"}, not {@code "kind": "reference"}) of {@code out}. */
  static List<Run> parse(String out) {
    ObjectMapper mapper = new ObjectMapper();
    List<Run> runs = new ArrayList<>();
    for (String line : out.split("\\R")) {
      String l = line.strip();
      if (!l.startsWith("{")) {
        continue;
      }
      JsonNode n = mapper.readTree(l);
      if (!"w2".equals(n.path("workload").asString(""))
          || "reference".equals(n.path("kind").asString("")) || !n.has("median_s")) {
        continue;
      }
      JsonNode y = n.path("y_end");
      double[] yEnd = new double[y.size()];
      for (int i = 0; i < yEnd.length; i++) {
        yEnd[i] = y.get(i).asDouble();
      }
      runs.add(new Run(n.path("problem").asString(""), n.path("method").asString(""),
          n.path("jac").asString(""), n.path("library").asString("scipy"),
          n.path("success").asBoolean(false), 1e3 * n.path("median_s").asDouble(),
          1e3 * n.path("min_s").asDouble(), 1e3 * n.path("max_s").asDouble(),
          n.path("n").asInt(), n.path("nfe").asInt(), n.path("steps").asInt(),
          n.path("njev").asInt(), n.path("nlu").asInt(), yEnd,
          n.path("err_maxabs").asDouble(Double.NaN), n.path("clean").asBoolean(true),
          n.path("foreign_cores").asDouble(Double.NaN)));
    }
    return runs;
  }
}
