package org.nde4j.learn.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directory a training run writes, one per run:
 * <pre>
 *   config.json         the fully resolved configuration, as given to {@link #writeConfig}
 *   provenance.json     seed, data SHA-256, versions, command line ({@link Provenance})
 *   metrics.csv         one row per logged iteration ({@link #metrics})
 *   model.safetensors   the trained parameters ({@link #modelFile}, {@link Safetensors})
 *   plots/              PNG figures ({@link #plotsDirectory})
 *   report.html         the self-contained report ({@link #reportFile})
 *   checkpoints/        periodic checkpoints ({@link #checkpointsDirectory})
 * </pre>
 * JSON files are replaced atomically ({@link AtomicFile}).
 *
 * <p><b>Never overwrites by accident.</b> {@link #create} refuses a directory that exists and is
 * not empty unless {@code force} is set; with {@code force} it deletes only the entries listed
 * above ({@link #ENTRIES}) and leaves anything else in the directory alone. {@link #open} attaches
 * to an existing run (to resume it or predict with it) and deletes nothing.
 */
public final class RunDirectory {

  /** The names of the entries a run directory owns; {@code force} deletes these and no others. */
  public static final List<String> ENTRIES = List.of("config.json", "provenance.json",
      "metrics.csv", "model.safetensors", "plots", "report.html", "checkpoints");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path dir;

  private RunDirectory(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates a new run directory (and its parents), or takes over an empty one.
   *
   * @param force if the directory holds entries, delete the run's own entries ({@link #ENTRIES})
   *     instead of refusing
   * @throws IOException naming the directory and what is in it if it is not empty and
   *     {@code force} is not set, or if it is a file
   */
  public static RunDirectory create(Path dir, boolean force) throws IOException {
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
      throw new IOException("run directory " + dir + " exists and is not a directory");
    }
    Files.createDirectories(dir);
    List<String> present = list(dir);
    if (!present.isEmpty()) {
      if (!force) {
        throw new IOException("run directory " + dir + " already exists and is not empty ("
            + String.join(", ", present.subList(0, Math.min(5, present.size())))
            + (present.size() > 5 ? ", …" : "") + "); choose another directory, or use force "
            + "(--force) to replace the run files in it");
      }
      for (String name : ENTRIES) {
        deleteTree(dir.resolve(name));
      }
    }
    return new RunDirectory(dir);
  }

  /**
   * An existing run directory, for resuming or predicting; nothing in it is changed.
   *
   * @throws IOException naming the directory if it does not exist or has no {@code config.json}
   */
  public static RunDirectory open(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no run directory here");
    }
    RunDirectory run = new RunDirectory(dir);
    if (!Files.isRegularFile(run.configFile())) {
      throw new IOException("run directory " + dir + " has no config.json: it is not a run "
          + "directory, or its run never started");
    }
    return run;
  }

  /** The directory itself. */
  public Path path() {
    return dir;
  }

  public Path configFile() {
    return dir.resolve("config.json");
  }

  public Path provenanceFile() {
    return dir.resolve("provenance.json");
  }

  public Path metricsFile() {
    return dir.resolve("metrics.csv");
  }

  public Path modelFile() {
    return dir.resolve("model.safetensors");
  }

  public Path reportFile() {
    return dir.resolve("report.html");
  }

  /** {@code plots/}, created on first use. */
  public Path plotsDirectory() throws IOException {
    return Files.createDirectories(dir.resolve("plots"));
  }

  /** {@code checkpoints/}, created on first use. */
  public Path checkpointsDirectory() throws IOException {
    return Files.createDirectories(dir.resolve("checkpoints"));
  }

  /**
   * Writes {@code config.json}: {@code config} (a map, a record, a {@link JsonNode} — anything
   * Jackson serialises) as indented JSON, replacing any previous one atomically.
   */
  public void writeConfig(Object config) throws IOException {
    writeJson(configFile(), config);
  }

  /**
   * The stored configuration.
   *
   * @throws IOException naming the file if it is missing or not JSON
   */
  public JsonNode readConfig() throws IOException {
    try {
      return JSON.readTree(Files.readAllBytes(configFile()));
    } catch (JacksonException e) {
      throw new IOException(configFile() + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code provenance.json}, replacing any previous one atomically. */
  public void writeProvenance(Provenance provenance) throws IOException {
    writeJson(provenanceFile(), provenance);
  }

  /**
   * The stored provenance.
   *
   * @throws IOException naming the file if it is missing or does not hold a provenance record
   */
  public Provenance readProvenance() throws IOException {
    try {
      return JSON.readValue(Files.readAllBytes(provenanceFile()), Provenance.class);
    } catch (JacksonException e) {
      throw new IOException(provenanceFile() + ": not a provenance record: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * Opens {@code metrics.csv} for appending rows of {@code columns}; see {@link MetricsCsv#open}.
   */
  public MetricsCsv metrics(List<String> columns) throws IOException {
    return MetricsCsv.open(metricsFile(), columns);
  }

  private static void writeJson(Path file, Object value) throws IOException {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw new IOException(file + ": cannot write " + value.getClass().getSimpleName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
    AtomicFile.write(file, out -> {
      out.write(bytes);
      out.write('\n');
    });
  }

  private static List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        names.add(p.getFileName().toString());
      }
    }
    names.sort(Comparator.naturalOrder());
    return names;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> walk = Files.walk(p)) {
        for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    } else {
      Files.delete(p);
    }
  }
}
