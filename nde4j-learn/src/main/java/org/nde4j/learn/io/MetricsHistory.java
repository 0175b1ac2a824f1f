package org.nde4j.learn.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code metrics.csv} as the trainer writes it ({@code iteration, loss, val_loss, lr, time}),
 * read back for plots and reports.
 *
 * @param iterations           the iteration of each row
 * @param loss                 the batch loss of each row
 * @param validationIterations the iterations that have a validation loss (not NaN)
 * @param validation           those validation losses
 * @param seconds              the training time of the last row (0 for an empty file)
 */
public record MetricsHistory(double[] iterations, double[] loss, double[] validationIterations,
    double[] validation, double seconds) {

  private static final List<String> COLUMNS = List.of("iteration", "loss", "val_loss", "lr",
      "time");

  /**
   * Reads {@code file}.
   *
   * @throws IOException naming the file and line if the header is not {@code iteration,loss,
   *     val_loss,lr,time} or a row does not hold five numbers
   */
  public static MetricsHistory read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(String.join(",", COLUMNS))) {
      throw new IOException(file + ":1: expected the header " + String.join(",", COLUMNS)
          + (lines.isEmpty() ? ", the file is empty" : ", found '" + lines.get(0) + "'"));
    }
    int n = lines.size() - 1;
    double[] it = new double[n];
    double[] loss = new double[n];
    double[] vi = new double[n];
    double[] vv = new double[n];
    int nv = 0;
    double seconds = 0;
    for (int i = 0; i < n; i++) {
      String[] cells = lines.get(i + 1).split(",");
      if (cells.length != COLUMNS.size()) {
        throw new IOException(file + ":" + (i + 2) + ": expected " + COLUMNS.size() + " cells ("
            + String.join(",", COLUMNS) + "), found " + cells.length);
      }
      double[] v = new double[cells.length];
      for (int c = 0; c < cells.length; c++) {
        try {
          v[c] = Double.parseDouble(cells[c]);
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + (i + 2) + ": column '" + COLUMNS.get(c) + "': '"
              + cells[c] + "' is not a number", e);
        }
      }
      it[i] = v[0];
      loss[i] = v[1];
      if (!Double.isNaN(v[2])) {
        vi[nv] = v[0];
        vv[nv++] = v[2];
      }
      seconds = v[4];
    }
    return new MetricsHistory(it, loss, Arrays.copyOf(vi, nv), Arrays.copyOf(vv, nv), seconds);
  }

  /** Whether any row has a validation loss. */
  public boolean hasValidation() {
    return validation.length > 0;
  }
}
