package org.nde4j.bench.sde;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.bench.PeerProcess;
import org.nde4j.bench.grad.TorchdiffeqPeer;
import tools.jackson.databind.JsonNode;

/**
 * Runs torchsde 0.2.6 on workload W5 ({@code w5_nsde.py}: the neural SDE configs and the Brownian
 * series) from a peers folder and maps its configs and generators to the case names of {@link
 * SdeSuite}: method {@code euler} → {@code w5_em_*}, {@code reversible_heun} → {@code
 * w5_revheun_*}, {@code srk} → {@code w5_srk_*}, each with its mode ({@code fwd}, {@code
 * fwd_bwd_direct}, {@code fwd_bwd_adjoint}). torchsde and its one
 * dependency {@code trampoline} are not Debian packages: they are found on {@code PYTHONPATH} or as
 * {@code <peers>/src/torchsde} (a torchsde source tree) and {@code <peers>/src/trampoline} (a
 * folder holding {@code trampoline.py}).
 */
public final class TorchsdePeer {
  private static final Map<String, String> GENERATORS = Map.of(
      "plain torch.randn", "brownian_plain",
      "BrownianInterval levy=none", "brownian_interval_query",
      "BrownianInterval levy=space-time return_U", "brownian_interval_query_levy",
      "BrownianInterval levy=none dt=0.01 hint", "brownian_interval_dt_hint",
      "BrownianInterval levy=none fwd+reverse", "brownian_interval_fwd_reverse",
      "BrownianTree tol=1e-6", "brownian_tree_query");

  private static final Map<String, String> METHODS = Map.of(
      "euler", "w5_em_", "reversible_heun", "w5_revheun_", "srk", "w5_srk_");

  private final Path python;
  private final Path folder;
  private final List<String> cases;

  /** @param folder the peers folder holding {@code w5_nsde.py} and {@code common.py} */
  public TorchsdePeer(Path python, Path folder) {
    this(python, folder, List.of());
  }

  /**
   * A peer that runs only the part of {@code w5_nsde.py} ({@code --only}) that {@code cases}
   * need when they all fall in one part (one method's configs, or the Brownian series); the
   * whole script otherwise or when {@code cases} is empty.
   */
  public TorchsdePeer(Path python, Path folder, List<String> cases) {
    this.python = python;
    this.folder = folder;
    this.cases = List.copyOf(cases);
  }

  /** The {@code --only} value of the script that covers {@code cases}, or "" for all of it. */
  static String only(List<String> cases) {
    String part = null;
    for (String c : cases) {
      String p = c.startsWith("brownian_") ? "brownian" : null;
      for (Map.Entry<String, String> e : METHODS.entrySet()) {
        if (c.startsWith(e.getValue())) {
          p = e.getKey();
        }
      }
      if (p == null || (part != null && !part.equals(p))) {
        return "";
      }
      part = p;
    }
    return part == null ? "" : part;
  }

  /**
   * Case name → torchsde's median in ms.
   *
   * @throws IllegalStateException naming the script when it fails (e.g. torchsde missing)
   */
  public Map<String, Double> run() {
    StringBuilder path = new StringBuilder(System.getenv().getOrDefault("PYTHONPATH", ""));
    for (String dep : List.of("torchsde", "trampoline")) {
      Path src = folder.toAbsolutePath().resolve("src").resolve(dep);
      if (Files.isDirectory(src)) {
        path.insert(0, src + (path.length() == 0 ? "" : ":"));
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PYTHONPATH", path.toString());
    String part = only(cases);
    String out = PeerProcess.run(python, folder.resolve("w5_nsde.py"),
        part.isEmpty() ? List.of() : List.of("--only", part), List.of(), env);
    Map<String, Double> medians = new LinkedHashMap<>();
    for (JsonNode n : TorchdiffeqPeer.lines(out, "w5")) {
      String name = "sde".equals(n.path("section").asString(""))
          ? caseName(n.path("method").asString(""), n.path("mode").asString(""))
          : GENERATORS.get(n.path("generator").asString(""));
      if (name != null) {
        medians.put(name, 1e3 * n.path("median_s").asDouble());
      }
    }
    return medians;
  }

  /** The case name of a torchsde config, or null for a method W5 does not map. */
  static String caseName(String method, String mode) {
    String prefix = METHODS.get(method);
    return prefix == null || mode.isEmpty() ? null : prefix + mode;
  }
}
