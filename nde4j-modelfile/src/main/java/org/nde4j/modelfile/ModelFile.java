package org.nde4j.modelfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads model files: YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}), chosen by the
 * extension. The format is described in {@code docs/model-files.md}:
 *
 * <pre>
 * name: robertson
 * states: {y1: 1.0, y2: 0.0, y3: 0.0}      # ordered; initial values
 * params: {k1: 0.04, k2: 3.0e7, k3: 1.0e4}  # optional
 * equations:
 *   y1: -k1*y1 + k3*y2*y3
 *   y2: k1*y1 - k3*y2*y3 - k2*y2^2
 *   y3: k2*y2^2
 * tspan: [0, 1.0e5]
 * </pre>
 *
 * <p>Every problem in the content raises {@link ModelFileException} with the file, the 1-based
 * line and column of the offending value and what was expected there. Reading a model file never
 * runs code or reads other files.
 */
public final class ModelFile {
  /** The name of the time variable in expressions. */
  public static final String TIME = "t";

  private ModelFile() {}

  /**
   * Reads and validates a model file.
   *
   * @throws IOException if the file cannot be read
   * @throws ModelFileException if the extension is not one of {@code .yaml .yml .json}, the file
   *     is not UTF-8, or its content is not a valid model
   */
  public static ModelDefinition load(Path file) throws IOException {
    String shown = file.toString();
    boolean json = isJson(shown);
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ModelFileException(shown, 1, 1, "not UTF-8 text");
    }
    return parse(text, shown, json);
  }

  /**
   * Validates model text that did not come from a file (or whose file was read by the caller);
   * {@code fileName} appears in error messages and its extension chooses the format.
   *
   * @throws ModelFileException as {@link #load(Path)}
   */
  public static ModelDefinition parse(String text, String fileName) {
    return parse(text, fileName, isJson(fileName));
  }

  private static ModelDefinition parse(String text, String fileName, boolean json) {
    String stripped = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Node root = NodeReader.read(fileName, stripped, json);
    return new DefinitionReader(fileName, defaultName(fileName)).read(root);
  }

  private static boolean isJson(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".json")) {
      return true;
    }
    if (n.endsWith(".yaml") || n.endsWith(".yml")) {
      return false;
    }
    throw new ModelFileException(fileName, 1, 1,
        "unknown model file extension: expected .yaml, .yml or .json");
  }

  private static String defaultName(String fileName) {
    String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}
