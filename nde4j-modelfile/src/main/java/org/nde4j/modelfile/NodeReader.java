package org.nde4j.modelfile;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML or JSON text into a {@link Node} tree with positions, through Jackson's streaming
 * parser (no data binding, so nothing in the file can name a class to instantiate). Duplicate keys
 * are rejected by Jackson's strict duplicate detection; YAML tags ({@code !!java.io.File …}) and
 * aliases ({@code *name}) are rejected here. Anchors alone are harmless and ignored.
 */
final class NodeReader {
  private static final TokenStreamFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final TokenStreamFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String file;
  private final String source;
  private final boolean json;
  private final int[] lineStarts;

  private NodeReader(String file, String source, boolean json) {
    this.file = file;
    this.source = source;
    this.json = json;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The document's root value, or {@code null} for an empty document.
   *
   * @throws ModelFileException for malformed YAML/JSON, duplicate keys, tags and aliases
   */
  static Node read(String file, String source, boolean json) {
    return new NodeReader(file, source, json).readDocument();
  }

  private Node readDocument() {
    try (JsonParser p = (json ? JSON : YAML).createParser(ObjectReadContext.empty(), source)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      Node root = value(p, t);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        TokenStreamLocation l = p.currentTokenLocation();
        throw error(l.getLineNr(), l.getColumnNr(), "expected one document, found more content");
      }
      return root;
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private Node value(JsonParser p, JsonToken t) {
    TokenStreamLocation l = p.currentTokenLocation();
    int line = l.getLineNr();
    int col = l.getColumnNr();
    rejectTagsAndAliases(p, line, col);
    switch (t) {
      case START_OBJECT: {
        List<Node.Entry> entries = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          TokenStreamLocation kl = p.currentTokenLocation();
          rejectTagsAndAliases(p, kl.getLineNr(), kl.getColumnNr());
          String key = p.currentName();
          entries.add(new Node.Entry(key, kl.getLineNr(), kl.getColumnNr(), value(p, p.nextToken())));
        }
        return new Node.Mapping(List.copyOf(entries), line, col);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
          items.add(value(p, i));
        }
        return new Node.Sequence(List.copyOf(items), line, col);
      }
      case VALUE_STRING:
        return scalar(Node.ScalarKind.STRING, p.getString(), Double.NaN, line, col);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return scalar(Node.ScalarKind.NUMBER, p.getString(), p.getDoubleValue(), line, col);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return scalar(Node.ScalarKind.BOOLEAN, p.getString(), Double.NaN, line, col);
      case VALUE_NULL:
        return scalar(Node.ScalarKind.NULL, "", Double.NaN, line, col);
      default:
        throw error(line, col, "unexpected " + t + ": model files hold plain data only");
    }
  }

  private void rejectTagsAndAliases(JsonParser p, int line, int col) {
    if (!(p instanceof YAMLParser y)) {
      return;
    }
    if (y.isCurrentAlias()) {
      throw error(line, col, "YAML aliases ('*" + p.getString() + "') are not allowed in model files:"
          + " write the value out");
    }
    String tag = y.getRawTag();
    if (tag != null) {
      throw error(line, col, "YAML tag '" + tag + "' is not allowed: model files hold plain data"
          + " only (numbers, strings, lists, mappings)");
    }
  }

  /** Positions the text of a scalar: after an opening quote, or on a block scalar's first line. */
  private Node.Scalar scalar(Node.ScalarKind kind, String text, double number, int line, int col) {
    int textLine = line;
    int textCol = col;
    int at = offset(line, col);
    char c = at < source.length() ? source.charAt(at) : ' ';
    if (c == '"' || c == '\'') {
      textCol++;
    } else if (!json && (c == '|' || c == '>')) {
      for (int l = line; l < lineStarts.length; l++) {
        int end = l < lineStarts.length - 1 ? lineStarts[l] - 1 : source.length();
        String content = source.substring(lineStarts[l], end);
        if (!content.isBlank()) {
          textLine = l + 1;
          textCol = content.length() - content.stripLeading().length() + 1;
          break;
        }
      }
    }
    return new Node.Scalar(kind, text, number, line, col, textLine, textCol);
  }

  /**
   * Jackson reports a duplicate key just after it; point at its start (at its opening quote if
   * quoted) when it can be found on that line, else keep Jackson's column.
   */
  private int keyColumn(String key, int line, int col) {
    if (line < 1 || line > lineStarts.length) {
      return col;
    }
    int lineStart = lineStarts[line - 1];
    int at = source.lastIndexOf(key, offset(line, col));
    if (at < lineStart) {
      return col;
    }
    if (at > lineStart && (source.charAt(at - 1) == '"' || source.charAt(at - 1) == '\'')) {
      at--;
    }
    return at - lineStart + 1;
  }

  private int offset(int line, int col) {
    if (line < 1 || line > lineStarts.length) {
      return source.length();
    }
    return Math.min(source.length(), lineStarts[line - 1] + Math.max(0, col - 1));
  }

  private ModelFileException translate(JacksonException e) {
    TokenStreamLocation l = e.getLocation();
    int line = l == null ? 1 : l.getLineNr();
    int col = l == null ? 1 : l.getColumnNr();
    String msg = e.getOriginalMessage();
    if (msg != null && msg.startsWith("Duplicate Object property")) {
      String key = msg.substring(msg.indexOf('"') + 1, msg.lastIndexOf('"'));
      return error(line, keyColumn(key, line, col), "duplicate key '" + key + "'");
    }
    // SnakeYAML's messages span lines with a snippet of the file; keep the sentences only
    StringBuilder sb = new StringBuilder();
    for (String s : (msg == null ? "" : msg).split("\n")) {
      if (!s.isBlank() && !Character.isWhitespace(s.charAt(0)) && !s.startsWith("in reader")) {
        sb.append(sb.length() == 0 ? "" : "; ").append(s.strip());
      }
    }
    return error(line, col, "malformed " + (json ? "JSON" : "YAML") + ": " + sb);
  }

  private ModelFileException error(int line, int col, String reason) {
    return new ModelFileException(file, Math.max(1, line), Math.max(1, col), reason);
  }
}
