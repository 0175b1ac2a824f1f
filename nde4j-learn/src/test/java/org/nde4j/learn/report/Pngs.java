package org.nde4j.learn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Decoding and pixel counts for checking rendered figures. */
final class Pngs {
  private Pngs() {}

  /** Decodes PNG bytes; fails the test if they are not a PNG. */
  static BufferedImage decode(byte[] png) {
    assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(img).as("ImageIO decodes the PNG").isNotNull();
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pixels whose colour differs from the top-left corner's (the background). */
  static int nonBackground(BufferedImage img) {
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
  static int near(BufferedImage img, Color c, int tol) {
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

  /** Asserts the figure is a PNG of its declared size that is not blank. */
  static BufferedImage assertDrawn(Figure f) {
    BufferedImage img = decode(f.png());
    assertThat(img.getWidth()).isEqualTo(f.width());
    assertThat(img.getHeight()).isEqualTo(f.height());
    // Axes, ticks, labels and curves: well over 1% of the pixels differ from the background.
    assertThat(nonBackground(img)).isGreaterThan(img.getWidth() * img.getHeight() / 100);
    return img;
  }
}
