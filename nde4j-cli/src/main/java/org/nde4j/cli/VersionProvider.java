package org.nde4j.cli;

import org.nde4j.bench.BuildInfo;
import org.nde4j.kernel.Kernels;
import picocli.CommandLine.IVersionProvider;

/** {@code nde4j --version}: the library version, the JVM and the numeric kernels in use. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "nde4j " + BuildInfo.version(),
        "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
            + ", " + System.getProperty("java.vendor") + ")",
        "kernels " + Kernels.get().name()
    };
  }
}
