package org.nde4j.learn.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss against iteration: the training loss as a line, the validation loss (evaluated less often)
 * as a line with markers, optionally on a logarithmic loss axis. Non-finite losses (a diverged
 * step) and, on a log axis, losses ≤ 0 are left out of the curve rather than failing the plot.
 */
public final class LossPlot {
  private static final String PLOT = "loss plot";

  private LossPlot() {}

  /**
   * @param iterations           iteration numbers of {@code train}
   * @param train                training loss at each of {@code iterations}
   * @param validationIterations iteration numbers of {@code validation}; {@code null} if none
   * @param validation           validation loss; {@code null} if none
   * @param logY                 logarithmic loss axis
   * @return the figure {@code loss}, {@value ChartCanvas#WIDE_WIDTH} ×
   *     {@value ChartCanvas#WIDE_HEIGHT} pixels
   * @throws IllegalArgumentException naming the argument if {@code train} or {@code iterations}
   *     is empty, lengths differ, only one of the validation arrays is given, or no training loss
   *     can be drawn (none finite, or none positive on a log axis)
   */
  public static Figure plot(double[] iterations, double[] train, double[] validationIterations,
      double[] validation, boolean logY) {
    PlotInput.nonEmpty(PLOT, "iterations", iterations);
    PlotInput.nonEmpty(PLOT, "train", train);
    PlotInput.sameLength(PLOT, "iterations", iterations, "train", train);
    if ((validationIterations == null) != (validation == null)) {
      throw new IllegalArgumentException(PLOT + ": validationIterations and validation must be "
          + "given together (or both null)");
    }
    XYChart chart = ChartCanvas.chart(ChartCanvas.WIDE_WIDTH, ChartCanvas.WIDE_HEIGHT, "Loss",
        "iteration", logY ? "loss (log scale)" : "loss");
    chart.getStyler().setYAxisLogarithmic(logY);
    PlotInput.Points t = PlotInput.drawable(iterations, train, logY);
    if (t.size() == 0) {
      throw new IllegalArgumentException(PLOT + ": train has no " + (logY ? "finite positive "
          + "values to draw on a log axis" : "finite values to draw"));
    }
    XYSeries ts = chart.addSeries("train", t.x(), t.y());
    ts.setMarker(t.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    ts.setLineColor(ChartCanvas.colour(0));
    ts.setMarkerColor(ChartCanvas.colour(0));
    if (validation != null) {
      PlotInput.nonEmpty(PLOT, "validation", validation);
      PlotInput.sameLength(PLOT, "validationIterations", validationIterations, "validation",
          validation);
      PlotInput.Points v = PlotInput.drawable(validationIterations, validation, logY);
      if (v.size() > 0) {
        XYSeries vs = chart.addSeries("validation", v.x(), v.y());
        vs.setMarker(SeriesMarkers.CIRCLE);
        vs.setLineColor(ChartCanvas.colour(1));
        vs.setMarkerColor(ChartCanvas.colour(1));
      }
    }
    return ChartCanvas.figure(chart, "loss", "Training" + (validation != null
        ? " and validation" : "") + " loss against iteration" + (logY ? " (log scale)" : ""));
  }
}
