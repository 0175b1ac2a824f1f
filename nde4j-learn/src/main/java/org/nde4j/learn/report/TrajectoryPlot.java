package org.nde4j.learn.report;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Every channel against time: the model's curve as a line and the observed values as points, in
 * the same colour per channel. Missing observations ({@code NaN}, as a panel stores them) and
 * non-finite model values are skipped.
 */
public final class TrajectoryPlot {
  private static final String PLOT = "trajectory plot";

  private TrajectoryPlot() {}

  /**
   * @param title      the chart title
   * @param channels   channel names, {@code C ≥ 1}
   * @param modelTimes the times of the model curve, {@code [T]}
   * @param model      the model's values, {@code [T][C]}
   * @param dataTimes  the observation times, {@code [N]}; {@code null} for no data
   * @param data       observations, {@code [N][C]}, {@code NaN} where missing; {@code null} for
   *                   no data
   * @return the figure {@code trajectories}, {@value ChartCanvas#WIDE_WIDTH} ×
   *     {@value ChartCanvas#WIDE_HEIGHT} pixels
   * @throws IllegalArgumentException naming the argument if {@code channels} or
   *     {@code modelTimes} is empty, a matrix's rows do not match its times or a row does not
   *     have one value per channel, only one of the data arrays is given, or the model has no
   *     finite value
   */
  public static Figure plot(String title, List<String> channels, double[] modelTimes,
      double[][] model, double[] dataTimes, double[][] data) {
    PlotInput.channels(PLOT, channels);
    PlotInput.nonEmpty(PLOT, "modelTimes", modelTimes);
    PlotInput.matrix(PLOT, "model", model, modelTimes.length, "modelTimes", channels.size());
    if ((dataTimes == null) != (data == null)) {
      throw new IllegalArgumentException(PLOT + ": dataTimes and data must be given together "
          + "(or both null)");
    }
    if (data != null) {
      PlotInput.nonEmpty(PLOT, "dataTimes", dataTimes);
      PlotInput.matrix(PLOT, "data", data, dataTimes.length, "dataTimes", channels.size());
    }
    XYChart chart = ChartCanvas.chart(ChartCanvas.WIDE_WIDTH, ChartCanvas.WIDE_HEIGHT, title,
        "t", "value");
    boolean any = false;
    for (int c = 0; c < channels.size(); c++) {
      PlotInput.Points m = PlotInput.drawable(modelTimes, PlotInput.column(model, c), false);
      if (m.size() > 0) {
        any = true;
        XYSeries s = chart.addSeries(channels.get(c) + " (model)", m.x(), m.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(m.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineColor(ChartCanvas.colour(c));
        s.setMarkerColor(ChartCanvas.colour(c));
      }
      if (data != null) {
        PlotInput.Points d = PlotInput.drawable(dataTimes, PlotInput.column(data, c), false);
        if (d.size() > 0) {
          XYSeries s = chart.addSeries(channels.get(c) + " (data)", d.x(), d.y());
          s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          s.setMarker(SeriesMarkers.CIRCLE);
          s.setMarkerColor(ChartCanvas.colour(c));
        }
      }
    }
    if (!any) {
      throw new IllegalArgumentException(PLOT + ": model has no finite value in any channel");
    }
    return ChartCanvas.figure(chart, "trajectories", "Model trajectories (lines) and observed "
        + "data (points) for " + String.join(", ", channels));
  }
}
