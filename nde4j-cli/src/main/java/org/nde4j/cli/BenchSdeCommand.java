package org.nde4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nde4j.bench.Suite;
import org.nde4j.bench.sde.SdeSuite;
import org.nde4j.bench.sde.TorchsdePeer;
import picocli.CommandLine.Command;

/**
 * {@code nde4j bench sde}: workload W5 (the neural SDE forward and forward + backward, and the
 * Brownian-query series); with {@code --peer shared/peers}, torchsde on the same configs in the
 * same run.
 */
@Command(name = "sde", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"SDE workloads: W5's neural SDE (state 16, batch 512, diagonal noise, 100"
        + " steps of 0.01) with Euler–Maruyama, reversible Heun and SPaRK (the stand-in for"
        + " torchsde's srk), forward and forward + backward (discrete and reversible adjoints);"
        + " the W5 Brownian series (a (512,16) Brownian motion on [0, 1],"
        + " 100 sequential increments of dt = 0.01: plain normal draws, BrownianInterval without"
        + " and with space-time Lévy area, with a dt hint, forward then reverse, and a virtual"
        + " Brownian tree at tol 1e-6).",
        "With --peer FOLDER (shared/peers: w5_nsde.py; torchsde 0.2.6 and trampoline on"
        + " PYTHONPATH or in FOLDER/src/torchsde and FOLDER/src/trampoline) torchsde's medians are"
        + " measured after the cases and the ratios added to the notes."})
final class BenchSdeCommand extends AbstractSuiteCommand {
  @Override
  Suite suite() {
    return new SdeSuite();
  }

  @Override
  Map<String, Double> peerMedians() {
    Path folder = Files.isDirectory(peer) ? peer : peer.toAbsolutePath().getParent();
    spec.commandLine().getErr().println("running torchsde (W5) from " + folder
        + " with " + python + "...");
    return new TorchsdePeer(python, folder, cases).run();
  }

  @Override
  String peerName() {
    return "torchsde";
  }

}
