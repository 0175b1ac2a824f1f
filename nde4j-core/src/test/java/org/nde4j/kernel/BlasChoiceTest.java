package org.nde4j.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code nde4j.blas}: the library each value asks for, the errors, and the library loaded. */
class BlasChoiceTest {
  private static final Path BLIS = BlasChoice.blisSerial();
  private static final boolean BLIS_INSTALLED = BLIS != null && Files.isRegularFile(BLIS);

  @Test
  void autoTakesBlisExactlyWhenItIsInstalled() {
    String expected = BLIS_INSTALLED ? BLIS.toString() : null;
    assertThat(BlasChoice.libraryPath(null)).isEqualTo(expected);
    assertThat(BlasChoice.libraryPath("")).isEqualTo(expected);
    assertThat(BlasChoice.libraryPath(" Auto ")).isEqualTo(expected);
  }

  @Test
  void systemAndOffLeaveTheChoiceToNetlib() {
    assertThat(BlasChoice.libraryPath("system")).isNull();
    assertThat(BlasChoice.libraryPath("off")).isNull();
    assertThat(BlasChoice.isOff(" OFF ")).isTrue();
    assertThat(BlasChoice.isOff(null)).isFalse();
    assertThat(BlasChoice.isOff("system")).isFalse();
  }

  @Test
  void blisIsThePackagedLibraryOrAnErrorNamingThePackage() {
    if (BLIS_INSTALLED) {
      assertThat(BlasChoice.libraryPath("blis")).isEqualTo(BLIS.toString());
    } else {
      assertThatThrownBy(() -> BlasChoice.libraryPath("blis"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nde4j.blas=blis")
          .hasMessageContaining("not installed");
    }
  }

  @Test
  void aPathMustNameAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path lib = Files.createFile(dir.resolve("libblas.so.3"));
    assertThat(BlasChoice.libraryPath(lib.toString())).isEqualTo(lib.toString());
    String missing = dir.resolve("missing.so").toString();
    assertThatThrownBy(() -> BlasChoice.libraryPath(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nde4j.blas=" + missing + ": no such file");
  }

  @Test
  void otherValuesAreRejectedWithTheFormsAccepted() {
    assertThatThrownBy(() -> BlasChoice.libraryPath("openblas"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nde4j.blas=openblas: expected auto, blis, system, off or the absolute path "
            + "of a BLAS library file");
  }

  @Test
  void theLibraryLoadedIsTheOneAskedFor() throws Exception {
    NativeBlas blas = NativeBlas.load();
    assumeTrue(blas != null, "no native BLAS on this machine");
    String asked = BlasChoice.libraryPath(System.getProperty(BlasChoice.PROPERTY));
    if (asked != null && asked.equals(String.valueOf(BLIS))) {
      assertThat(blas.library()).isEqualTo("blis-serial/libblas.so.3");
      assertThat(blas.addsProductOnce()).isFalse();
    }
    Path system = BLIS == null ? null : BLIS.getParent().getParent().resolve("libblas.so.3");
    if (asked == null && system != null && Files.exists(system)
        && System.getProperty(NativeBlas.NETLIB_PATH) == null) {
      Path real = system.toRealPath(); // through Debian's alternatives
      assertThat(blas.library())
          .isEqualTo(real.getParent().getFileName() + "/" + real.getFileName());
      assertThat(blas.addsProductOnce()).isEqualTo(real.toString().contains("openblas"));
    }
    if (Files.isReadable(Path.of("/proc/self/maps"))) {
      assertThat(blas.library()).isNotEqualTo("unknown");
    }
    if (KernelSelection.selected() instanceof NativeBlasKernels) {
      assertThat(KernelSelection.selected().name()).contains(blas.library());
    }
  }
}
