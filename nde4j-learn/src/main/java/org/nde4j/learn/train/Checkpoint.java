package org.nde4j.learn.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nde4j.learn.io.AtomicFile;
import org.nde4j.learn.io.Safetensors;
import org.nde4j.learn.io.SafetensorsDtype;
import org.nde4j.learn.io.SafetensorsFile;
import org.nde4j.random.Key;
import org.nde4j.tensor.Tensor;

/**
 * The complete state of a {@link Trainer} after an iteration, as one safetensors file (F64, so
 * exact): tensors {@code theta}, {@code best_theta} and {@code optimizer.<name>} for each entry of
 * the optimiser's {@link org.nde4j.learn.optim.Checkpointable#state()}; metadata {@code format},
 * {@code iteration}, {@code key} (the run's key words {@code k0,k1}), {@code best_val_loss},
 * {@code best_iteration}, {@code bad_validations}, {@code elapsed_seconds}, {@code config_sha256}
 * and {@code config} (canonical JSON). Numbers in the metadata are written with Java's shortest
 * round-tripping decimal, so they read back exactly.
 *
 * @param iteration          the last iteration done (1-based)
 * @param key                the run's key
 * @param theta              the parameters after {@code iteration}
 * @param optimizerState     the optimiser's state after {@code iteration}
 * @param bestTheta          the parameters of the best validation loss so far (a copy of {@code
 *                           theta} without validation)
 * @param bestValidationLoss the best validation loss so far (NaN if none)
 * @param bestIteration      its iteration (0 if none)
 * @param badValidations     validations in a row without improvement
 * @param elapsedSeconds     training time so far, over all sessions of the run
 * @param config             the run's canonical configuration
 */
public record Checkpoint(long iteration, Key key, double[] theta,
    Map<String, double[]> optimizerState, double[] bestTheta, double bestValidationLoss,
    long bestIteration, int badValidations, double elapsedSeconds, String config) {

  /** The checkpoint's file name inside {@code checkpoints/}; each checkpoint replaces it. */
  public static final String FILE_NAME = "last.safetensors";

  static final String FORMAT = "nde4j-checkpoint-1";
  private static final String OPTIMIZER_PREFIX = "optimizer.";

  /** The SHA-256 of {@link #config()}. */
  public String configSha256() {
    return RunConfig.sha256(config);
  }

  /**
   * Writes this checkpoint to {@code file} atomically ({@link AtomicFile}): after a failure or a
   * crash at any moment, the previous checkpoint in {@code file} is intact.
   *
   * @param filter wraps the stream the bytes go to (the identity, or a failure injected by a test)
   */
  void write(Path file, UnaryOperator<OutputStream> filter) throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("theta", Tensor.of(theta.clone(), theta.length));
    tensors.put("best_theta", Tensor.of(bestTheta.clone(), bestTheta.length));
    for (Map.Entry<String, double[]> e : optimizerState.entrySet()) {
      tensors.put(OPTIMIZER_PREFIX + e.getKey(), Tensor.of(e.getValue().clone(),
          e.getValue().length));
    }
    long[] words = key.words();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", FORMAT);
    meta.put("iteration", Long.toString(iteration));
    meta.put("key", words[0] + "," + words[1]);
    meta.put("best_val_loss", Double.toString(bestValidationLoss));
    meta.put("best_iteration", Long.toString(bestIteration));
    meta.put("bad_validations", Integer.toString(badValidations));
    meta.put("elapsed_seconds", Double.toString(elapsedSeconds));
    meta.put("config_sha256", configSha256());
    meta.put("config", config);
    byte[] bytes = Safetensors.toBytes(tensors, meta, SafetensorsDtype.F64);
    AtomicFile.write(file, out -> {
      OutputStream o = filter.apply(out);
      o.write(bytes);
      o.flush();
    });
  }

  /**
   * Reads a checkpoint written by a {@link Trainer}.
   *
   * @throws java.nio.file.NoSuchFileException if there is none
   * @throws IOException naming the file and the entry if it is not a complete checkpoint (a
   *     damaged safetensors file gives a {@link org.nde4j.learn.io.SafetensorsException})
   */
  public static Checkpoint read(Path file) throws IOException {
    SafetensorsFile f = Safetensors.read(file);
    Map<String, String> meta = f.metadata();
    if (!FORMAT.equals(meta.get("format"))) {
      throw new IOException(file + ": metadata 'format' is " + meta.get("format")
          + ", expected " + FORMAT + ": not an nde4j training checkpoint");
    }
    Map<String, double[]> state = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : f.tensors().entrySet()) {
      if (e.getKey().startsWith(OPTIMIZER_PREFIX)) {
        state.put(e.getKey().substring(OPTIMIZER_PREFIX.length()), e.getValue().toArray());
      }
    }
    String[] words = field(file, meta, "key").split(",");
    Key key;
    try {
      key = Key.fromWords(new long[] {Long.parseLong(words[0]), Long.parseLong(words[1])});
    } catch (RuntimeException e) {
      throw new IOException(file + ": metadata 'key' must be two words 'k0,k1', got '"
          + meta.get("key") + "'", e);
    }
    Checkpoint c = new Checkpoint(
        (long) number(file, meta, "iteration"), key,
        tensor(file, f, "theta"), state, tensor(file, f, "best_theta"),
        number(file, meta, "best_val_loss"), (long) number(file, meta, "best_iteration"),
        (int) number(file, meta, "bad_validations"), number(file, meta, "elapsed_seconds"),
        field(file, meta, "config"));
    if (!c.configSha256().equals(meta.get("config_sha256"))) {
      throw new IOException(file + ": metadata 'config_sha256' does not match its 'config'");
    }
    return c;
  }

  private static double[] tensor(Path file, SafetensorsFile f, String name) throws IOException {
    Tensor t = f.tensors().get(name);
    if (t == null) {
      throw new IOException(file + ": tensor '" + name + "' is missing");
    }
    return t.toArray();
  }

  private static String field(Path file, Map<String, String> meta, String name)
      throws IOException {
    String v = meta.get(name);
    if (v == null) {
      throw new IOException(file + ": metadata '" + name + "' is missing");
    }
    return v;
  }

  private static double number(Path file, Map<String, String> meta, String name)
      throws IOException {
    String v = field(file, meta, name);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IOException(file + ": metadata '" + name + "' is not a number: '" + v + "'", e);
    }
  }
}
