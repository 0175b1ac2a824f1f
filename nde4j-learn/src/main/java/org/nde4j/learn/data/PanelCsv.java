package org.nde4j.learn.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads time-series panels from CSV files (UTF-8, comma-separated, first line a header; cells may
 * be double-quoted, with {@code ""} for a quote inside; blank lines (empty or spaces only) are skipped).
 * <ul>
 *   <li><b>Long</b> format, many series: header {@code id,time,<channels…>}, one observation per
 *       row. A series is all rows with the same {@code id} (any text), in order of first
 *       appearance; its rows need not be adjacent.</li>
 *   <li><b>Wide</b> format, one series: header {@code time,<channels…>}.</li>
 * </ul>
 * Header names are matched without regard to case and surrounding spaces. Times are per series,
 * may be irregular and must increase strictly within a series; every series needs at least 2
 * points. A value cell that is empty or {@code NaN} (any case) is missing and masked; any other
 * cell must be a decimal number ({@code 1}, {@code -0.5}, {@code 2.5e-3}).
 *
 * <p>Every problem raises a {@link DataFileException} naming the file, line and column (and the
 * column's name): a missing file, an unknown header, unknown or missing channels, a row with the
 * wrong number of cells, a non-numeric or infinite cell, a missing id or time, a time that does
 * not increase within its series, a series with fewer than 2 points.
 */
public final class PanelCsv {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final String file;
  private final CsvLayout layout;
  private final List<String> expected;
  private final boolean subset;

  private PanelCsv(String file, CsvLayout layout, List<String> expected, boolean subset) {
    this.file = file;
    this.layout = layout;
    this.expected = expected;
    this.subset = subset;
  }

  /** Reads {@code file}, choosing the layout by its header. */
  public static Panel read(Path file) {
    return read(file, CsvLayout.AUTO, null);
  }

  /** Reads {@code file} in the given layout. */
  public static Panel read(Path file, CsvLayout layout) {
    return read(file, layout, null);
  }

  /**
   * Reads {@code file} in the given layout, requiring exactly the given channels (in any column
   * order; the panel has them in the order given), as when data are fed to a trained model.
   *
   * @param channels the required channel names, or {@code null} to take the file's
   * @throws DataFileException naming the file, line and column of the first problem
   */
  public static Panel read(Path file, CsvLayout layout, List<String> channels) {
    return new PanelCsv(file.toString(), layout, channels == null ? null : List.copyOf(channels),
        false).parse(text(file));
  }

  /**
   * Reads {@code file} in the given layout, allowing as channels only names among {@code
   * allowed} (at least one of them, any subset, any order), as when data observe some states of a
   * model. The panel has the file's channels in file order, spelt as in {@code allowed}.
   *
   * @throws DataFileException naming the file, line and column of the first problem, e.g. a
   *     column that is not among {@code allowed}
   */
  public static Panel readSubset(Path file, CsvLayout layout, List<String> allowed) {
    return new PanelCsv(file.toString(), layout, List.copyOf(allowed), true).parse(text(file));
  }

  private static String text(Path file) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (NoSuchFileException e) {
      throw new DataFileException(file.toString(), 0, 0, "no such file", e);
    } catch (CharacterCodingException e) {
      throw new DataFileException(file.toString(), 0, 0, "is not UTF-8 text", e);
    } catch (IOException e) {
      throw new DataFileException(file.toString(), 0, 0, "cannot be read: " + e, e);
    }
  }

  /** One cell: its text (unquoted, trimmed) and 1-based character column. */
  private record Cell(String text, int column) {}

  /** A series being assembled. */
  private static final class Builder {
    final String id;
    final int firstLine;
    final List<double[]> rows = new ArrayList<>();
    double lastTime;
    int lastLine;

    Builder(String id, int firstLine) {
      this.id = id;
      this.firstLine = firstLine;
    }
  }

  private Panel parse(String text) {
    String[] lines = text.split("\n", -1);
    int li = 0;
    while (li < lines.length && strip(lines[li]).isBlank()) {
      li++;
    }
    if (li == lines.length) {
      throw new DataFileException(file, 0, 0, "is empty; expected a header line "
          + "'id,time,<channels…>' or 'time,<channels…>'");
    }
    int headerLine = li + 1;
    List<Cell> header = cells(strip(lines[li]), headerLine);
    boolean longLayout = detect(header, headerLine);
    int first = longLayout ? 2 : 1;
    List<String> names = new ArrayList<>();
    for (int i = first; i < header.size(); i++) {
      names.add(header.get(i).text());
    }
    int[] target = channelOrder(header, first, headerLine);
    List<String> channels = expected == null ? names : subset ? spelt(names) : expected;
    int nc = channels.size();

    Map<String, Builder> series = new LinkedHashMap<>();
    for (int l = li + 1; l < lines.length; l++) {
      String line = strip(lines[l]);
      if (line.isBlank()) {
        continue;
      }
      int lineNo = l + 1;
      List<Cell> row = cells(line, lineNo);
      if (row.size() != header.size()) {
        int col = row.size() > header.size() ? row.get(header.size()).column() : line.length() + 1;
        throw error(lineNo, col, "expected " + header.size() + " cells ("
            + String.join(",", header.stream().map(Cell::text).toList()) + "), found "
            + row.size());
      }
      String id = "";
      if (longLayout) {
        Cell idCell = row.get(0);
        if (idCell.text().isEmpty()) {
          throw error(lineNo, idCell.column(), "column 'id': the series id is empty");
        }
        id = idCell.text();
      }
      Cell timeCell = row.get(first - 1);
      double time = number(timeCell, "time", lineNo, false);
      Builder b = series.get(id);
      if (b == null) {
        b = new Builder(id, lineNo);
        series.put(id, b);
      } else if (!(time > b.lastTime)) {
        String in = longLayout ? " in series '" + id + "'" : "";
        throw error(lineNo, timeCell.column(), "column 'time': time " + timeCell.text()
            + (time == b.lastTime ? " repeats the time of line " + b.lastLine
                : " is before " + b.lastTime + " (line " + b.lastLine + ")")
            + in + "; times must increase strictly within a series");
      }
      double[] values = new double[1 + nc];
      values[0] = time;
      for (int i = first; i < row.size(); i++) {
        values[1 + target[i - first]] = number(row.get(i), header.get(i).text(), lineNo, true);
      }
      b.rows.add(values);
      b.lastTime = time;
      b.lastLine = lineNo;
    }
    if (series.isEmpty()) {
      throw new DataFileException(file, 0, 0, "has a header but no data rows");
    }
    List<Series> out = new ArrayList<>();
    for (Builder b : series.values()) {
      if (b.rows.size() < 2) {
        String what = longLayout ? "series '" + b.id + "'" : "the series";
        throw error(b.firstLine, 1, what + " has 1 point (line " + b.firstLine
            + "); at least 2 are needed");
      }
      double[] times = new double[b.rows.size()];
      double[] values = new double[b.rows.size() * nc];
      for (int i = 0; i < times.length; i++) {
        double[] r = b.rows.get(i);
        times[i] = r[0];
        System.arraycopy(r, 1, values, i * nc, nc);
      }
      out.add(new Series(b.id, times, values, nc));
    }
    return new Panel(file, channels, out);
  }

  private boolean detect(List<Cell> header, int line) {
    boolean looksLong = header.size() >= 2 && is(header.get(0), "id") && is(header.get(1), "time");
    boolean looksWide = is(header.get(0), "time");
    String found = String.join(",", header.stream().map(Cell::text).toList());
    switch (layout) {
      case LONG:
        if (!looksLong) {
          throw error(line, 1, "long format needs the header 'id,time,<channels…>', found '"
              + found + "'");
        }
        break;
      case WIDE:
        if (!looksWide) {
          throw error(line, 1, "wide format needs the header 'time,<channels…>', found '"
              + found + "'");
        }
        break;
      default:
        if (!looksLong && !looksWide) {
          throw error(line, 1, "the header must start with 'id,time' (long format: "
              + "id,time,<channels…>) or 'time' (wide format: time,<channels…>), found '"
              + found + "'");
        }
    }
    int first = looksLong ? 2 : 1;
    if (header.size() <= first) {
      throw error(line, 1, "the header '" + found + "' names no channel after '"
          + (looksLong ? "id,time" : "time") + "'");
    }
    return looksLong;
  }

  /** For each value column of the file, its index among the panel's channels. */
  private int[] channelOrder(List<Cell> header, int first, int line) {
    int n = header.size() - first;
    int[] target = new int[n];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Cell c = header.get(first + i);
      String key = c.text().toLowerCase(Locale.ROOT);
      if (c.text().isEmpty()) {
        throw error(line, c.column(), "column " + (first + i + 1) + " has no name");
      }
      if (key.equals("id") || key.equals("time")) {
        throw error(line, c.column(), "column '" + c.text() + "' is reserved and may appear "
            + "only at the start of the header");
      }
      Integer before = seen.put(key, i);
      if (before != null) {
        throw error(line, c.column(), "column '" + c.text() + "' appears twice");
      }
      if (expected == null) {
        target[i] = i;
      } else {
        int idx = indexIgnoringCase(expected, c.text());
        if (idx < 0) {
          throw error(line, c.column(), "unknown column '" + c.text() + "' (expected "
              + (subset ? "some of the channels: " : "channels: ") + String.join(", ", expected)
              + ")");
        }
        target[i] = subset ? i : idx;
      }
    }
    if (expected != null && !subset) {
      for (String want : expected) {
        if (!seen.containsKey(want.toLowerCase(Locale.ROOT))) {
          throw error(line, 1, "missing column '" + want + "' (expected channels: "
              + String.join(", ", expected) + ")");
        }
      }
    }
    return target;
  }

  /** The file's channel names as {@link #expected} spells them (subset mode). */
  private List<String> spelt(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(expected.get(indexIgnoringCase(expected, n)));
    }
    return out;
  }

  private static int indexIgnoringCase(List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private double number(Cell cell, String column, int line, boolean missingAllowed) {
    String s = cell.text();
    if (s.isEmpty() || s.equalsIgnoreCase("nan")) {
      if (missingAllowed) {
        return Double.NaN;
      }
      throw error(line, cell.column(), "column '" + column + "': the " + column + " is missing");
    }
    if (!NUMBER.matcher(s).matches()) {
      throw error(line, cell.column(), "column '" + column + "': '" + s + "' is not a number"
          + (missingAllowed ? " (write an empty cell or NaN for a missing value)" : ""));
    }
    double v = Double.parseDouble(s);
    if (Double.isInfinite(v)) {
      throw error(line, cell.column(), "column '" + column + "': " + s
          + " is beyond the range of a double");
    }
    return v;
  }

  /** Splits one line into cells; quotes may hold commas and {@code ""}. */
  private List<Cell> cells(String line, int lineNo) {
    List<Cell> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      StringBuilder sb = new StringBuilder();
      int column = i + 1;
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw error(lineNo, column, "unterminated quoted cell");
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          sb.append(c);
          i++;
        }
        while (i < n && line.charAt(i) == ' ') {
          i++;
        }
        if (i < n && line.charAt(i) != ',') {
          throw error(lineNo, i + 1, "unexpected text after a quoted cell");
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          sb.append(line.charAt(i));
          i++;
        }
      }
      out.add(new Cell(sb.toString().strip(), column));
      if (i >= n) {
        return out;
      }
      i++;
    }
  }

  private static boolean is(Cell c, String name) {
    return c.text().equalsIgnoreCase(name);
  }

  /** The line without its carriage return and, on the first line, the byte-order mark. */
  private static String strip(String line) {
    String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private DataFileException error(int line, int column, String reason) {
    return new DataFileException(file, line, column, reason);
  }
}
