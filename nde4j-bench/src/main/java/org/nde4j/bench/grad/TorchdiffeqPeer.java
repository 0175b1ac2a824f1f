package org.nde4j.bench.grad;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.bench.PeerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs torchdiffeq on W3 ({@code w3_ode_demo.py}, configs f64_direct and f64_adjoint) and W4
 * ({@code w4_large_node.py}, float64) from a peers folder and maps their medians to the case
 * names of {@link GradSuite}: {@code w3_direct_iter}, {@code w3_adjoint_iter} (median iteration time),
 * {@code w4_fwd} (forward under no_grad), {@code w4_fwd_bwd_direct}, {@code
 * w4_fwd_bwd_adjoint}. torchdiffeq itself is not a Debian package: it is found on {@code
 * PYTHONPATH} or in {@code <peers>/src/torchdiffeq} (as {@code run_all.sh} arranges).
 */
public final class TorchdiffeqPeer {
  private final Path python;
  private final Path folder;
  private final int w3Iterations;

  /**
   * @param folder the peers folder holding {@code w3_ode_demo.py}, {@code w4_large_node.py} and
   *     {@code common.py}
   * @param w3Iterations training iterations per W3 config (the peer's default is 500; the median
   *     is over iterations 11 onwards)
   */
  public TorchdiffeqPeer(Path python, Path folder, int w3Iterations) {
    this.python = python;
    this.folder = folder;
    this.w3Iterations = w3Iterations;
  }

  /**
   * Case name → torchdiffeq's median in ms.
   *
   * @throws IllegalStateException naming the script when it fails (e.g. torchdiffeq missing)
   */
  public Map<String, Double> run() {
    Map<String, Double> medians = new LinkedHashMap<>();
    for (String config : List.of("f64_direct", "f64_adjoint")) {
      JsonNode n = w3(config);
      medians.put(config.equals("f64_direct") ? "w3_direct_iter" : "w3_adjoint_iter",
          1e3 * n.path("iter_time").path("median_s").asDouble());
    }
    String out = PeerProcess.run(python, folder.resolve("w4_large_node.py"), List.of(), List.of(),
        environment());
    for (JsonNode n : lines(out, "w4")) {
      String mode = n.path("mode").asString("");
      String name = switch (mode) {
        case "fwd_nograd" -> "w4_fwd";
        case "fwd_bwd_direct" -> "w4_fwd_bwd_direct";
        case "fwd_bwd_adjoint" -> "w4_fwd_bwd_adjoint";
        default -> null;
      };
      if (name != null) {
        medians.put(name, 1e3 * n.path("median_s").asDouble());
      }
    }
    return medians;
  }

  /**
   * One W3 training run of {@code w3_ode_demo.py --config CONFIG --niters N} (N as constructed):
   * the JSON object it prints (iteration-time statistics, NFE means, {@code
   * batch_loss_mean_per_100}, {@code final_test_loss}, versions, …).
   *
   * @param config {@code f64_direct}, {@code f64_adjoint}, {@code f32_direct} or {@code
   *     f32_adjoint}
   * @throws IllegalStateException naming the script when it fails or prints no W3 result
   */
  public JsonNode w3(String config) {
    Path script = folder.resolve("w3_ode_demo.py");
    String out = PeerProcess.run(python, script,
        List.of("--config", config, "--niters", Integer.toString(w3Iterations)), List.of(),
        environment());
    List<JsonNode> found = lines(out, "w3");
    if (found.isEmpty()) {
      throw new IllegalStateException("peer script " + script + " --config " + config
          + " printed no W3 result");
    }
    return found.get(found.size() - 1);
  }

  /** {@code PYTHONPATH} with {@code <peers>/src/torchdiffeq} in front when that folder exists. */
  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    String path = System.getenv().getOrDefault("PYTHONPATH", "");
    Path src = folder.toAbsolutePath().resolve("src").resolve("torchdiffeq");
    if (Files.isDirectory(src)) {
      path = src + (path.isEmpty() ? "" : ":" + path);
    }
    env.put("PYTHONPATH", path);
    return env;
  }

  /** The JSON lines of {@code out} whose {@code workload} is {@code workload}. */
  public static List<JsonNode> lines(String out, String workload) {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> r = new java.util.ArrayList<>();
    for (String line : out.split("\\R")) {
      String l = line.strip();
      if (l.startsWith("{")) {
        JsonNode n = mapper.readTree(l);
        if (workload.equals(n.path("workload").asString(""))) {
          r.add(n);
        }
      }
    }
    return r;
  }
}
