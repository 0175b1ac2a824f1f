package org.nde4j.learn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java example project {@code examples/java-fit} cannot rot: its main class stays within 30
 * non-blank lines, compiles against this module's classes, and — run for 40 iterations — prints
 * a loss that fell to well below its first value. Its pom asks for this project's version.
 */
class JavaFitExampleTest {
  private static final Path PROJECT = Path.of("..", "examples", "java-fit");
  private static final Path SOURCE = PROJECT.resolve("src/main/java/example/FitSpiral.java");
  private static final Pattern LOSS = Pattern.compile("iteration (\\d+) loss ([0-9.eE+-]+)");

  @Test
  void mainClassFitsInThirtyLines() throws Exception {
    long lines = Files.readAllLines(SOURCE).stream().filter(l -> !l.isBlank()).count();
    assertThat(lines).as("non-blank lines of %s", SOURCE).isLessThanOrEqualTo(30);
  }

  @Test
  void pomDependsOnThisVersion() throws Exception {
    String root = Files.readString(Path.of("..", "pom.xml"));
    Matcher v = Pattern.compile("<artifactId>nde4j-parent</artifactId>\\s*<version>([^<]+)"
        + "</version>").matcher(root);
    assertThat(v.find()).as("the reactor's version in ../pom.xml").isTrue();
    assertThat(Files.readString(PROJECT.resolve("pom.xml")))
        .contains("<nde4j.version>" + v.group(1) + "</nde4j.version>")
        .contains("<artifactId>nde4j-learn</artifactId>")
        .contains("<mainClass>example.FitSpiral</mainClass>");
  }

  @Test
  void compilesAndTheLossFalls(@TempDir Path classes) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, null, diagnostics, "-d", classes.toString(), "-classpath",
        System.getProperty("java.class.path"), SOURCE.toString());
    assertThat(status).as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader())) {
      Method main = loader.loadClass("example.FitSpiral").getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[] {"40"});
    } finally {
      System.setOut(saved);
    }
    List<Double> losses = new ArrayList<>();
    Matcher m = LOSS.matcher(out.toString(StandardCharsets.UTF_8));
    while (m.find()) {
      losses.add(Double.parseDouble(m.group(2)));
    }
    // Printed at iterations 1, 10, 20, 30, 40.
    assertThat(losses).as("printed losses").hasSize(5);
    assertThat(losses.get(4)).isLessThan(0.5 * losses.get(0));
  }
}
