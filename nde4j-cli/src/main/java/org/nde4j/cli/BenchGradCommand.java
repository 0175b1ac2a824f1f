package org.nde4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nde4j.bench.Suite;
import org.nde4j.bench.grad.GradSuite;
import org.nde4j.bench.grad.TorchdiffeqPeer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nde4j bench grad}: gradients through solves (workloads W3 and W4, memory series); with
 * {@code --peer shared/peers}, torchdiffeq on the same workloads in the same run.
 */
@Command(name = "grad", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Gradients through solves: W3 (torchdiffeq's ode_demo training iteration:"
        + " batched dopri5 solve, loss, gradient, RMSprop step; w3_direct_iter = discrete adjoint,"
        + " w3_adjoint_iter = interpolating continuous adjoint), W4"
        + " (32->128->128->32 softplus neural ODE, batch 256: w4_fwd forward only,"
        + " w4_fwd_bwd_direct forward + discrete-adjoint backward), and a memory series"
        + " mem_<adjoint>_<steps> (peak stored states for 1e3, 1e4, 1e5 steps).",
        "With --peer FOLDER (shared/peers: w3_ode_demo.py, w4_large_node.py; torchdiffeq on"
        + " PYTHONPATH or in FOLDER/src/torchdiffeq) torchdiffeq's float64 medians are measured"
        + " after the cases and the ratios added to the notes. About a minute; the peer adds"
        + " several minutes (W3 runs --w3-iterations training iterations per config)."})
final class BenchGradCommand extends AbstractSuiteCommand {
  @Option(names = "--w3-iterations", defaultValue = "500", paramLabel = "N",
      description = "Training iterations of the W3 peer per config (default: ${DEFAULT-VALUE},"
          + " W3's timing window 11-500).")
  int w3Iterations;

  @Override
  Suite suite() {
    return new GradSuite();
  }

  @Override
  Map<String, Double> peerMedians() {
    Path folder = Files.isDirectory(peer) ? peer : peer.toAbsolutePath().getParent();
    spec.commandLine().getErr().println("running torchdiffeq (W3: " + w3Iterations
        + " iterations x 2 configs, W4) from " + folder + " with " + python + "...");
    return new TorchdiffeqPeer(python, folder, w3Iterations).run();
  }

  @Override
  String peerName() {
    return "torchdiffeq";
  }

}
