package org.nde4j.learn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.nde4j.testkit.browser.Pixels;

/** Checks of rendered figures, on the pixel counts of {@link Pixels}. */
final class Pngs {
  private Pngs() {}

  /** Asserts the figure is a PNG of its declared size that is not blank. */
  static BufferedImage assertDrawn(Figure f) {
    BufferedImage img = Pixels.decode(f.png());
    assertThat(img.getWidth()).isEqualTo(f.width());
    assertThat(img.getHeight()).isEqualTo(f.height());
    // Axes, ticks, labels and curves: well over 1% of the pixels differ from the background.
    assertThat(Pixels.nonBackground(img)).isGreaterThan(img.getWidth() * img.getHeight() / 100);
    return img;
  }
}
