package org.nde4j.modelfile;

import java.util.List;

/**
 * The data of a model file as read, each value with its 1-based position in the file: the
 * validator works on this tree so that every error can point at the value that caused it.
 */
sealed interface Node permits Node.Scalar, Node.Mapping, Node.Sequence {
  int line();

  int column();

  /** How the value reads in an error message: "the string 'abc'", "a mapping", "a list"… */
  String describe();

  enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

  /**
   * A scalar; {@code number} is set for numbers, {@code text} holds the scalar as written (the
   * decoded string for strings). {@code textLine}/{@code textColumn} locate the first character of
   * the text itself (after an opening quote; on the first content line of a YAML block scalar).
   */
  record Scalar(ScalarKind kind, String text, double number, int line, int column, int textLine,
      int textColumn) implements Node {
    @Override
    public String describe() {
      switch (kind) {
        case STRING:
          return text.isEmpty() ? "an empty string" : "the string '" + text + "'";
        case NUMBER:
          return "the number " + text;
        case BOOLEAN:
          return "the boolean " + text;
        default:
          return "an empty value";
      }
    }
  }

  /** A key of a mapping with its own position. */
  record Entry(String key, int line, int column, Node value) {}

  record Mapping(List<Entry> entries, int line, int column) implements Node {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(List<Node> items, int line, int column) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }
}
