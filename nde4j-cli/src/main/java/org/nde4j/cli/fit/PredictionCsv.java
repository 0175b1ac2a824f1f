package org.nde4j.cli.fit;

import java.util.List;

/**
 * Predictions as long-format CSV, {@code id,time,<states…>}: one row per series and time, numbers
 * as Java's shortest round-tripping decimals ({@code NaN} after a solve that stopped early), ids
 * quoted when they hold a comma, quote or space at an end. The single series of a wide file has
 * the empty id (an empty cell).
 */
public final class PredictionCsv {
  private PredictionCsv() {}

  /** The CSV text of {@code predictions} with the header {@code id,time,<states>}. */
  public static String format(List<String> states, List<Prediction> predictions) {
    StringBuilder b = new StringBuilder();
    b.append("id,time");
    for (String s : states) {
      b.append(',').append(quoted(s));
    }
    b.append('\n');
    for (Prediction p : predictions) {
      String id = quoted(p.series().id());
      for (int i = 0; i < p.times().length; i++) {
        b.append(id).append(',').append(p.times()[i]);
        for (double v : p.states()[i]) {
          b.append(',').append(v);
        }
        b.append('\n');
      }
    }
    return b.toString();
  }

  private static String quoted(String s) {
    boolean plain = s.strip().equals(s) && s.chars().noneMatch(c -> c == ','
        || c == '"' || c == '\n' || c == '\r');
    return plain ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
