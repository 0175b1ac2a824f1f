package org.nde4j.cli.solve;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nde4j.solve.integrate.EnsembleSummary;

/**
 * A PNG fan chart of an SDE ensemble (XChart): per state, the mean, the outermost quantile band
 * shaded, the inner quantiles dashed, and the kept sample paths as thin lines.
 */
public final class FanChart {
  private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(214, 39, 40),
      new Color(44, 160, 44), new Color(148, 103, 189), new Color(140, 86, 75)};

  private FanChart() {}

  /**
   * @throws IllegalArgumentException if fewer than two times were saved
   */
  public static void write(Path file, String title, EnsembleSummary s, List<String> names) {
    System.setProperty("java.awt.headless", "true");
    double[] t = s.ts();
    if (t.length < 2) {
      throw new IllegalArgumentException("--plot: only " + t.length + " saved time(s) to draw;"
          + " save more with --saveat");
    }
    XYChart chart = new XYChartBuilder().width(1000).height(600).title(title).xAxisTitle("t")
        .yAxisTitle("state").build();
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setXAxisDecimalPattern("#0.###");
    double[] levels = s.quantileLevels();
    for (int j = 0; j < names.size(); j++) {
      Color c = COLOURS[j % COLOURS.length];
      Color light = new Color(c.getRed(), c.getGreen(), c.getBlue(), 60);
      for (int p = 0; p < s.samplePaths().size(); p++) {
        double[][] ys = s.samplePaths().get(p);
        XYSeries path = chart.addSeries(names.get(j) + " path " + p, t, column(ys, j));
        style(path, light, 0.8f, false);
        path.setShowInLegend(false);
      }
      if (levels.length >= 2) {
        int lo = argMin(levels);
        int hi = argMax(levels);
        double[] low = column(s.quantiles()[lo], j);
        double[] high = column(s.quantiles()[hi], j);
        XYSeries band = chart.addSeries(names.get(j) + " " + SolutionCsv.repr(levels[lo]) + "–"
            + SolutionCsv.repr(levels[hi]), t, high, null);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        style(band, c, 1f, true);
        XYSeries bandLow = chart.addSeries(names.get(j) + " q" + SolutionCsv.repr(levels[lo]),
            t, low);
        style(bandLow, c, 1f, true);
        bandLow.setShowInLegend(false);
        for (int l = 0; l < levels.length; l++) {
          if (l != lo && l != hi) {
            XYSeries q = chart.addSeries(names.get(j) + " q" + SolutionCsv.repr(levels[l]), t,
                column(s.quantiles()[l], j));
            style(q, c, 1f, true);
          }
        }
      }
      XYSeries mean = chart.addSeries(names.get(j) + " mean", t, column(s.mean(), j));
      style(mean, c, 2.5f, false);
    }
    SolutionPlot.writeChart(chart, file);
  }

  private static void style(XYSeries s, Color c, float width, boolean dashed) {
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(c);
    s.setLineStyle(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
        10f, new float[] {6f, 4f}, 0f) : new BasicStroke(width));
  }

  private static double[] column(double[][] rows, int j) {
    double[] v = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      v[k] = rows[k][j];
    }
    return v;
  }

  private static int argMin(double[] a) {
    int k = 0;
    for (int i = 1; i < a.length; i++) {
      k = a[i] < a[k] ? i : k;
    }
    return k;
  }

  private static int argMax(double[] a) {
    int k = 0;
    for (int i = 1; i < a.length; i++) {
      k = a[i] > a[k] ? i : k;
    }
    return k;
  }
}
