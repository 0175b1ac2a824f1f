package org.nde4j.learn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where a trained model came from, stored as {@code provenance.json} in its run directory (the
 * practice of Tribuo's provenance objects): enough to rerun it and to tell whether the data have
 * changed since.
 *
 * @param seed        the seed every random key of the run derives from
 * @param dataSha256  data file (as named on the command line) → SHA-256 of its bytes, lowercase hex
 * @param nde4j       the nde4j version that trained the model
 * @param java        {@code java.version} and {@code java.vm.name} of the JVM that ran it
 * @param os          {@code os.name os.arch} of the machine
 * @param commandLine the arguments as given (empty when started from Java code)
 * @param created     when the run started, ISO-8601 UTC
 */
public record Provenance(long seed, Map<String, String> dataSha256, String nde4j, String java,
    String os, List<String> commandLine, String created) {

  private static final String BUILD_INFO = "/org/nde4j/learn/io/build.properties";

  public Provenance {
    dataSha256 = Collections.unmodifiableMap(new LinkedHashMap<>(dataSha256));
    commandLine = List.copyOf(commandLine);
  }

  /**
   * The provenance of a run starting now on this JVM: hashes each data file.
   *
   * @throws IOException naming the file if a data file cannot be read
   */
  public static Provenance of(long seed, List<Path> dataFiles, List<String> commandLine)
      throws IOException {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Path p : dataFiles) {
      hashes.put(p.toString(), sha256(p));
    }
    return new Provenance(seed, hashes, version(),
        System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        commandLine, Instant.now().toString());
  }

  /**
   * The SHA-256 of a file's bytes, lowercase hex (as {@code sha256sum} prints it).
   *
   * @throws IOException naming the file if it cannot be read
   */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The nde4j version of this build, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} outside one. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = Provenance.class.getResourceAsStream(BUILD_INFO)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource only means the version is reported as unknown.
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }
}
