package org.nde4j.learn.report;

import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two chosen channels against each other: the model's curve as a line, the observations as
 * points. An observation missing either coordinate ({@code NaN}) is skipped, as are non-finite
 * model states.
 */
public final class PhasePortrait {
  private static final String PLOT = "phase portrait";

  private PhasePortrait() {}

  /**
   * @param title    the chart title
   * @param channels channel names, {@code C ≥ 2}
   * @param x        the channel on the horizontal axis, {@code 0 ≤ x < C}
   * @param y        the channel on the vertical axis, {@code 0 ≤ y < C}, {@code y ≠ x}
   * @param model    the model's states, {@code [T][C]} in time order
   * @param data     observations, {@code [N][C]}, {@code NaN} where missing; {@code null} for
   *                 no data
   * @return the figure {@code phase}, {@value ChartCanvas#SQUARE} pixels square
   * @throws IllegalArgumentException naming the argument if a channel index is out of range or
   *     both are the same, a matrix is empty or a row does not have one value per channel, or the
   *     model has no state with both coordinates finite
   */
  public static Figure plot(String title, List<String> channels, int x, int y,
      double[][] model, double[][] data) {
    PlotInput.channels(PLOT, channels);
    int c = channels.size();
    if (x < 0 || x >= c || y < 0 || y >= c || x == y) {
      throw new IllegalArgumentException(PLOT + ": channels x = " + x + " and y = " + y
          + " must be two different indices in [0, " + c + ") (channels " + channels + ")");
    }
    Objects.requireNonNull(model, PLOT + ": model");
    PlotInput.matrix(PLOT, "model", model, model.length, "model", c);
    if (data != null) {
      PlotInput.matrix(PLOT, "data", data, data.length, "data", c);
    }
    XYChart chart = ChartCanvas.chart(ChartCanvas.SQUARE, ChartCanvas.SQUARE, title,
        channels.get(x), channels.get(y));
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    PlotInput.Points m = PlotInput.drawable(PlotInput.column(model, x),
        PlotInput.column(model, y), false);
    if (m.size() == 0) {
      throw new IllegalArgumentException(PLOT + ": model has no state with finite "
          + channels.get(x) + " and " + channels.get(y));
    }
    XYSeries ms = chart.addSeries("model", m.x(), m.y());
    ms.setMarker(m.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    ms.setLineColor(ChartCanvas.colour(0));
    ms.setMarkerColor(ChartCanvas.colour(0));
    if (data != null) {
      PlotInput.Points d = PlotInput.drawable(PlotInput.column(data, x),
          PlotInput.column(data, y), false);
      if (d.size() > 0) {
        XYSeries ds = chart.addSeries("data", d.x(), d.y());
        ds.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        ds.setMarker(SeriesMarkers.CIRCLE);
        ds.setMarkerColor(ChartCanvas.colour(1));
      }
    }
    return ChartCanvas.figure(chart, "phase", "Phase portrait: " + channels.get(y) + " against "
        + channels.get(x) + ", model (line) and data (points)");
  }
}
