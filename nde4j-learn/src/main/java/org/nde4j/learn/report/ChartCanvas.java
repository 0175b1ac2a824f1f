package org.nde4j.learn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The one place charts get their look: fixed pixel sizes, logical fonts at fixed sizes, white
 * backgrounds and a fixed colour cycle, so the same data give the same picture on every machine
 * with the same fonts. Rendering is headless.
 */
final class ChartCanvas {
  static {
    // Before any AWT class loads: no display is needed or wanted to draw into an image.
    System.setProperty("java.awt.headless", "true");
  }

  /** Width and height of plots against time (loss, trajectories). */
  static final int WIDE_WIDTH = 900;
  static final int WIDE_HEIGHT = 540;
  /** Side of square plots (phase portrait, vector field). */
  static final int SQUARE = 640;

  /** Tableau 10, the matplotlib default cycle: channel i is drawn in {@code colour(i)}. */
  private static final Color[] CYCLE = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)};

  private ChartCanvas() {}

  static Color colour(int i) {
    return CYCLE[i % CYCLE.length];
  }

  static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    XYStyler s = chart.getStyler();
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.GRAY);
    s.setPlotGridLinesColor(new Color(0xe0e0e0));
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setSeriesColors(CYCLE);
    s.setMarkerSize(6);
    s.setAntiAlias(true);
    return chart;
  }

  /** Renders {@code chart} to a PNG. */
  static Figure figure(XYChart chart, String name, String caption) {
    byte[] png;
    try {
      png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      // Encoding into memory touches no file; a failure here is a bug in the image encoder.
      throw new UncheckedIOException("cannot encode figure '" + name + "' as PNG", e);
    }
    return new Figure(name, caption, png, chart.getWidth(), chart.getHeight());
  }
}
