package org.nde4j.testkit.browser;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Decoding PNGs and counting pixels, for checking rendered figures and screenshots. */
public final class Pixels {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
      '\n'};

  private Pixels() {}

  /**
   * Decodes PNG bytes.
   *
   * @throws AssertionError if they do not start with the PNG signature or ImageIO cannot decode
   *     them
   */
  public static BufferedImage decode(byte[] png) {
    if (png.length < 8 || !Arrays.equals(png, 0, 8, PNG_SIGNATURE, 0, 8)) {
      throw new AssertionError("not a PNG: the first bytes are not the PNG signature");
    }
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      if (img == null) {
        throw new AssertionError("ImageIO cannot decode the PNG");
      }
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pixels whose colour differs from the top-left corner's (the background). */
  public static int nonBackground(BufferedImage img) {
    int bg = img.getRGB(0, 0);
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) != bg) {
          n++;
        }
      }
    }
    return n;
  }

  /** Pixels within {@code tol} per RGB component of {@code c}. */
  public static int near(BufferedImage img, Color c, int tol) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        if (Math.abs(((p >> 16) & 0xff) - c.getRed()) <= tol
            && Math.abs(((p >> 8) & 0xff) - c.getGreen()) <= tol
            && Math.abs((p & 0xff) - c.getBlue()) <= tol) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The most frequent saturated colour of {@code img} (one whose RGB components spread by more
   * than 60): a figure's main curve or marker colour, as opposed to its white, black and grey
   * background, axes and text. Empty if there is none.
   */
  public static Optional<Color> dominantColour(BufferedImage img) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y) & 0xffffff;
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          counts.merge(p, 1, Integer::sum);
        }
      }
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(e -> new Color(e.getKey()));
  }
}
