package org.nde4j.cli.solve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nde4j.solve.integrate.Solution;

/**
 * A PNG line plot of every state against time (XChart), optionally with a logarithmic time axis.
 * A solution with dense output is drawn from 1000 samples of it, otherwise from its saved points.
 */
public final class SolutionPlot {
  private SolutionPlot() {}

  /**
   * @param logx logarithmic time axis; points at {@code t ≤ 0} are left out
   * @throws IllegalArgumentException if fewer than two points can be drawn
   */
  public static void write(Path file, String title, Solution s, List<String> names, boolean logx) {
    System.setProperty("java.awt.headless", "true");
    double[] t;
    double[][] ys;
    if (s.hasDense() && s.size() >= 2) {
      t = samples(s.t(0), s.tEnd(), logx);
      ys = new double[t.length][];
      for (int k = 0; k < t.length; k++) {
        ys[k] = s.evaluate(t[k]);
      }
    } else {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        if (!logx || s.t(i) > 0) {
          rows.add(i);
        }
      }
      t = new double[rows.size()];
      ys = new double[rows.size()][];
      for (int k = 0; k < t.length; k++) {
        t[k] = s.t(rows.get(k));
        ys[k] = s.y(rows.get(k));
      }
    }
    if (t.length < 2) {
      throw new IllegalArgumentException("--plot: only " + t.length + " saved point(s) to draw"
          + (logx ? " with t > 0 (--logx)" : "") + "; save more points with --saveat or"
          + " --saveat-steps");
    }
    XYChart chart = new XYChartBuilder().width(1000).height(600).title(title).xAxisTitle("t")
        .yAxisTitle("state").build();
    chart.getStyler().setXAxisLogarithmic(logx);
    chart.getStyler().setMarkerSize(0);
    if (!logx) {
      chart.getStyler().setXAxisDecimalPattern("#0.###");
    }
    for (int j = 0; j < names.size(); j++) {
      double[] v = new double[t.length];
      for (int k = 0; k < t.length; k++) {
        v[k] = ys[k][j];
      }
      XYSeries series = chart.addSeries(names.get(j), t, v);
      series.setMarker(SeriesMarkers.NONE);
    }
    writeChart(chart, file);
  }

  /** Writes {@code chart} as a PNG to {@code file} atomically. */
  static void writeChart(XYChart chart, Path file) {
    AtomicFile.write(file, tmp -> writePng(chart, tmp));
  }

  /** 1000 times from a to b, equally spaced (geometrically with logx, from the first t > 0). */
  private static double[] samples(double a, double b, boolean logx) {
    int n = 1000;
    double[] t = new double[n];
    if (logx) {
      double lo = a > 0 ? a : Math.max(b * 1e-9, Math.ulp(b) * 1e3);
      for (int i = 0; i < n; i++) {
        t[i] = lo * Math.pow(b / lo, (double) i / (n - 1));
      }
    } else {
      for (int i = 0; i < n; i++) {
        t[i] = a + (b - a) * i / (n - 1);
      }
    }
    t[n - 1] = b;
    return t;
  }

  private static void writePng(XYChart chart, Path tmp) throws IOException {
    BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
    // XChart appends ".png" to a path without that suffix.
    Path written = Path.of(tmp + ".png");
    if (java.nio.file.Files.exists(written)) {
      java.nio.file.Files.move(written, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
