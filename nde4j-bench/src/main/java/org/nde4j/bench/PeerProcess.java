package org.nde4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a peer benchmark script of {@code shared/peers/} single-threaded ({@code --threads 1},
 * {@code OMP_NUM_THREADS} and friends = 1) in a temporary copy of its folder (the scripts write
 * {@code results/} beside themselves and the peers README asks for a copy), and returns what it
 * printed. Files only are copied, plus the given paths relative to the folder (caches, sources
 * such as {@code src/torchdiffeq} are referenced in place through the environment instead). The
 * copy is deleted afterwards.
 */
public final class PeerProcess {
  private PeerProcess() {}

  /**
   * @param carry paths relative to the script's folder copied along when they exist (e.g. a
   *     cached reference {@code results/w2_reference.json})
   * @param env extra environment variables
   * @throws IllegalStateException naming the script when it cannot be run or fails
   */
  public static String run(Path python, Path script, List<String> args, List<String> carry,
      Map<String, String> env) {
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("peer script " + script + " does not exist");
    }
    if (!Files.isExecutable(python)) {
      throw new IllegalStateException("peer interpreter " + python + " is not executable");
    }
    Path copy = null;
    try {
      Path dir = script.toAbsolutePath().getParent();
      copy = copyFolder(dir, carry);
      List<String> cmd = new ArrayList<>(List.of(python.toString(),
          copy.resolve(script.getFileName()).toString(), "--threads", "1"));
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(copy.toFile());
      for (String v : new String[] {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"}) {
        pb.environment().put(v, "1");
      }
      pb.environment().putAll(env);
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroy();
        throw new IllegalStateException("peer script " + script + " " + String.join(" ", args)
            + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("peer script " + script + " could not be run: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running peer script " + script, e);
    } finally {
      if (copy != null) {
        deleteQuietly(copy);
      }
    }
  }

  private static Path copyFolder(Path dir, List<String> carry) throws IOException {
    Path tmp = Files.createTempDirectory("nde4j-peers-");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, tmp.resolve(f.getFileName()));
        }
      }
    }
    for (String rel : carry) {
      Path src = dir.resolve(rel);
      if (Files.isRegularFile(src)) {
        Files.createDirectories(tmp.resolve(rel).getParent());
        Files.copy(src, tmp.resolve(rel));
      }
    }
    return tmp;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary folder is harmless
    }
  }
}
