package org.nde4j.testkit.browser;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}, as CI installs it) for tests that check
 * how a page renders in a real browser: a screenshot, and the size of every image as the browser
 * decoded it (a broken image has natural size 0 × 0). Tests skip with {@link #missingReason()}
 * where it is not installed. Each call starts one browser with its own profile under the given
 * work directory and waits at most {@link #TIMEOUT_SECONDS}.
 */
public final class HeadlessChromium {
  /** Where Debian's {@code chromium} package installs the browser. */
  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  /** How long one browser run may take before the test fails. */
  public static final long TIMEOUT_SECONDS = 180;

  private static final String ATTRIBUTE = "data-nde4j-images";
  private static final Pattern SIZES = Pattern.compile(ATTRIBUTE + "=\"([^\"]*)\"");

  private HeadlessChromium() {}

  /** Whether {@link #EXECUTABLE} can be run. */
  public static boolean isInstalled() {
    return Files.isExecutable(EXECUTABLE);
  }

  /** Why a browser test is skipped where {@link #isInstalled()} is false. */
  public static String missingReason() {
    return EXECUTABLE + " is not installed (Debian package chromium); the browser rendering is"
        + " checked where it is, as in CI";
  }

  /**
   * A screenshot of {@code page} in a window of {@code width × height} CSS pixels.
   *
   * @param work a directory for the profile, log and screenshot
   * @throws AssertionError with the browser's log if it fails, times out or writes no PNG
   */
  public static BufferedImage screenshot(Path page, Path work, int width, int height)
      throws IOException, InterruptedException {
    Path shot = work.resolve("screenshot.png");
    run(work, "screenshot", "--hide-scrollbars", "--window-size=" + width + "," + height,
        "--screenshot=" + shot.toAbsolutePath(), page.toAbsolutePath().toUri().toString());
    if (!Files.exists(shot)) {
      throw new AssertionError("chromium wrote no screenshot; log: " + log(work, "screenshot"));
    }
    return Pixels.decode(Files.readAllBytes(shot));
  }

  /**
   * The natural size {@code {width, height}} of every {@code <img>} of {@code page} once it has
   * loaded, in document order; {@code {0, 0}} for an image the browser could not decode. The page
   * is copied into {@code work} with a script appended that records the sizes on {@code <body>}
   * at the load event, and the DOM is read back with {@code --dump-dom}.
   *
   * @throws AssertionError with the browser's log if it fails or the sizes are not in its output
   */
  public static List<int[]> imageSizes(Path page, Path work) throws IOException,
      InterruptedException {
    Path probe = work.resolve("probe-" + page.getFileName());
    Files.writeString(probe, Files.readString(page, StandardCharsets.UTF_8)
        + "\n<script>window.addEventListener('load', () => document.body.setAttribute('"
        + ATTRIBUTE + "', Array.from(document.images).map(i => i.complete ? i.naturalWidth + 'x'"
        + " + i.naturalHeight : '0x0').join(' ')));</script>\n", StandardCharsets.UTF_8);
    String dom = run(work, "dump-dom", "--dump-dom", probe.toAbsolutePath().toUri().toString());
    Matcher m = SIZES.matcher(dom);
    if (!m.find()) {
      throw new AssertionError("chromium's DOM has no " + ATTRIBUTE + " (did the page load?);"
          + " log: " + log(work, "dump-dom"));
    }
    List<int[]> out = new ArrayList<>();
    for (String s : m.group(1).trim().split(" ")) {
      if (!s.isEmpty()) {
        String[] wh = s.split("x");
        out.add(new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])});
      }
    }
    return out;
  }

  /** Runs the browser headless with {@code args}; returns its standard output. */
  private static String run(Path work, String name, String... args) throws IOException,
      InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--user-data-dir=" + work.resolve("profile-" + name).toAbsolutePath()));
    cmd.addAll(List.of(args));
    Path out = work.resolve(name + ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(work.resolve(name + ".log").toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s; log: "
          + log(work, name));
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("chromium exited with status " + p.exitValue() + "; log: "
          + log(work, name));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String log(Path work, String name) throws IOException {
    Path log = work.resolve(name + ".log");
    return Files.exists(log) ? Files.readString(log) : "(no output)";
  }
}
