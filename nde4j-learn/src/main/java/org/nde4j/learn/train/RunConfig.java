package org.nde4j.learn.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's configuration in canonical form (compact JSON, object keys sorted at every level), its
 * SHA-256, and the differences between two of them — how a checkpoint says which run it belongs
 * to and a resume explains why it refuses one (the {@code nde4j fit --resume} command compares a
 * run directory's {@code config.json} with its options the same way).
 */
public final class RunConfig {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();
  private static final int MAX_LISTED = 5;

  private RunConfig() {}

  /**
   * The canonical JSON of {@code config} (anything Jackson serialises).
   *
   * @throws IllegalArgumentException naming the type if it cannot be serialised
   */
  public static String canonical(Object config) {
    try {
      return JSON.writeValueAsString(JSON.valueToTree(config));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("config: cannot write " + config.getClass().getName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The lower-case hexadecimal SHA-256 of the canonical JSON's UTF-8 bytes. */
  public static String sha256(String canonical) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  /**
   * The entries that differ between a checkpoint's configuration and the current one; see
   * {@link #differences(String, String, String)}.
   */
  static List<String> differences(String stored, String current) {
    return differences(stored, current, "the checkpoint");
  }

  /**
   * The entries that differ, each as {@code path: <stored> in <storedName>, <current> now} with
   * the dotted path of the key (e.g. {@code training.lr: 0.05 in runs/a/config.json, 0.02 now};
   * at most five, then a count), or an empty list if the two are equal.
   *
   * @param stored     the stored configuration, canonical JSON ({@link #canonical})
   * @param current    the current configuration, canonical JSON
   * @param storedName what holds the stored one, for the messages
   */
  public static List<String> differences(String stored, String current, String storedName) {
    List<String> out = new ArrayList<>();
    JsonNode a;
    try {
      a = JSON.readTree(stored);
    } catch (JacksonException e) {
      return List.of("the configuration in " + storedName + " is not JSON");
    }
    diff("", a, JSON.readTree(current), storedName, out);
    if (out.size() > MAX_LISTED) {
      int more = out.size() - MAX_LISTED;
      out = new ArrayList<>(out.subList(0, MAX_LISTED));
      out.add("and " + more + " more");
    }
    return out;
  }

  private static void diff(String path, JsonNode a, JsonNode b, String storedName,
      List<String> out) {
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>(a.propertyNames());
      names.addAll(b.propertyNames());
      for (String name : names) {
        String p = path.isEmpty() ? name : path + "." + name;
        JsonNode x = a.get(name);
        JsonNode y = b.get(name);
        if (x == null) {
          out.add(p + ": absent in " + storedName + ", " + y + " now");
        } else if (y == null) {
          out.add(p + ": " + x + " in " + storedName + ", absent now");
        } else {
          diff(p, x, y, storedName, out);
        }
      }
    } else if (!a.equals(b)) {
      out.add((path.isEmpty() ? "(whole configuration)" : path) + ": " + a
          + " in " + storedName + ", " + b + " now");
    }
  }
}
