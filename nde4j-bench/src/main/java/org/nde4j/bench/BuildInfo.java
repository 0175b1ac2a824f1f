package org.nde4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build of nde4j, from a resource Maven fills in at build time. */
public final class BuildInfo {
  private static final String RESOURCE = "/org/nde4j/bench/build.properties";
  private static final Properties PROPS = load();

  private BuildInfo() {}

  /** The project version, e.g. {@code "0.1.0-SNAPSHOT"}, or {@code "unknown"} outside a build. */
  public static String version() {
    return PROPS.getProperty("version", "unknown");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // A missing or unreadable resource only means the version is reported as "unknown".
    }
    return p;
  }
}
