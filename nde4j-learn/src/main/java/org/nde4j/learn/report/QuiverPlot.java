package org.nde4j.learn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A planar vector field {@code f(x, y)} drawn as arrows on a regular grid, as matplotlib's
 * {@code quiver} does, with an optional trajectory on top. Each arrow is centred on its grid point
 * and points along {@code f}; lengths are proportional to {@code |f|} measured in grid cells (the
 * x and y components divided by the grid spacing along their axis), scaled so the longest arrow
 * spans 0.9 of a cell and no two arrows overlap. Arrows are line segments with two-stroke heads
 * (a quarter of the arrow long, 25° either side). Grid points where {@code f} is not finite get no
 * arrow.
 */
public final class QuiverPlot {
  private static final String PLOT = "vector field plot";
  private static final double LONGEST = 0.9;
  private static final double HEAD = 0.25;
  private static final double HEAD_ANGLE = Math.toRadians(25);

  private QuiverPlot() {}

  /** The field drawn: the vector {@code (u, v)} at the point {@code (x, y)}. */
  @FunctionalInterface
  public interface Field {
    /** {@code f(x, y)}, an array of length 2. */
    double[] at(double x, double y);
  }

  /**
   * The grid: {@code points × points} points spanning {@code [xMin, xMax] × [yMin, yMax]},
   * corners included.
   *
   * @throws IllegalArgumentException naming the bound if a range is empty, reversed or not finite,
   *     or {@code points} is outside [2, 200]
   */
  public record Grid(double xMin, double xMax, double yMin, double yMax, int points) {
    public Grid {
      if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && xMin < xMax)) {
        throw new IllegalArgumentException(PLOT + ": grid x range [" + xMin + ", " + xMax
            + "] must be finite with xMin < xMax");
      }
      if (!(Double.isFinite(yMin) && Double.isFinite(yMax) && yMin < yMax)) {
        throw new IllegalArgumentException(PLOT + ": grid y range [" + yMin + ", " + yMax
            + "] must be finite with yMin < yMax");
      }
      if (points < 2 || points > 200) {
        throw new IllegalArgumentException(PLOT + ": grid points = " + points
            + " must be between 2 and 200 per axis");
      }
    }

    double x(int i) {
      return i == points - 1 ? xMax : xMin + (xMax - xMin) * i / (points - 1);
    }

    double y(int j) {
      return j == points - 1 ? yMax : yMin + (yMax - yMin) * j / (points - 1);
    }

    double dx() {
      return (xMax - xMin) / (points - 1);
    }

    double dy() {
      return (yMax - yMin) / (points - 1);
    }
  }

  /**
   * @param title      the chart title
   * @param xName      the horizontal axis's name (the first state component)
   * @param yName      the vertical axis's name (the second)
   * @param field      the vector field
   * @param grid       where to evaluate it
   * @param trajectory a curve to draw over the arrows, rows {@code [x, y]} in time order
   *                   (non-finite rows skipped); {@code null} for none
   * @return the figure {@code vector_field}, {@value ChartCanvas#SQUARE} pixels square
   * @throws IllegalArgumentException naming the argument if {@code field} returns an array that
   *     is not of length 2, is not finite at any grid point, or a trajectory row does not have 2
   *     values
   */
  public static Figure plot(String title, String xName, String yName, Field field, Grid grid,
      double[][] trajectory) {
    int n = grid.points();
    double[][] u = new double[n][n];
    double[][] v = new double[n][n];
    double longest = -1;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[] f = field.at(grid.x(i), grid.y(j));
        if (f == null || f.length != 2) {
          throw new IllegalArgumentException(PLOT + ": field at (" + grid.x(i) + ", "
              + grid.y(j) + ") returned " + (f == null ? "null" : f.length + " components")
              + "; a planar field returns 2");
        }
        u[i][j] = f[0] / grid.dx();
        v[i][j] = f[1] / grid.dy();
        if (Double.isFinite(u[i][j]) && Double.isFinite(v[i][j])) {
          longest = Math.max(longest, Math.hypot(u[i][j], v[i][j]));
        }
      }
    }
    if (longest < 0) {
      throw new IllegalArgumentException(PLOT + ": field is not finite at any of the " + n * n
          + " grid points");
    }
    if (trajectory != null) {
      for (int k = 0; k < trajectory.length; k++) {
        if (trajectory[k] == null || trajectory[k].length != 2) {
          throw new IllegalArgumentException(PLOT + ": trajectory row " + k + " has "
              + (trajectory[k] == null ? 0 : trajectory[k].length) + " values, expected 2 (x, y)");
        }
      }
    }
    XYChart chart = ChartCanvas.chart(ChartCanvas.SQUARE, ChartCanvas.SQUARE, title, xName,
        yName);
    Styler s = chart.getStyler();
    s.setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisMin(grid.xMin() - grid.dx() / 2);
    chart.getStyler().setXAxisMax(grid.xMax() + grid.dx() / 2);
    chart.getStyler().setYAxisMin(grid.yMin() - grid.dy() / 2);
    chart.getStyler().setYAxisMax(grid.yMax() + grid.dy() / 2);

    // All arrows form one series whose pieces are separated by NaN (XChart breaks a line there).
    Polyline arrows = new Polyline(n * n * 7);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double len = Math.hypot(u[i][j], v[i][j]);
        if (!Double.isFinite(len)) {
          continue;
        }
        double gx = i;
        double gy = j;
        if (len == 0 || longest == 0) {
          // A fixed point: a dot-sized cross, so the grid point is still visible.
          arrows.segment(grid, gx - 0.03, gy, gx + 0.03, gy);
          arrows.segment(grid, gx, gy - 0.03, gx, gy + 0.03);
          continue;
        }
        double scale = LONGEST / longest;
        double ax = u[i][j] * scale;
        double ay = v[i][j] * scale;
        double tipX = gx + ax / 2;
        double tipY = gy + ay / 2;
        arrows.segment(grid, gx - ax / 2, gy - ay / 2, tipX, tipY);
        double h = HEAD * len * scale;
        double ex = -ax / (len * scale);
        double ey = -ay / (len * scale);
        for (double a : new double[] {HEAD_ANGLE, -HEAD_ANGLE}) {
          double rx = ex * Math.cos(a) - ey * Math.sin(a);
          double ry = ex * Math.sin(a) + ey * Math.cos(a);
          arrows.segment(grid, tipX, tipY, tipX + h * rx, tipY + h * ry);
        }
      }
    }
    XYSeries as = chart.addSeries("f(" + xName + ", " + yName + ")", arrows.x(), arrows.y());
    as.setMarker(SeriesMarkers.NONE);
    as.setLineColor(new Color(0x555555));
    as.setLineStyle(new BasicStroke(1.2f));
    if (trajectory != null) {
      double[] tx = new double[trajectory.length];
      double[] ty = new double[trajectory.length];
      for (int k = 0; k < trajectory.length; k++) {
        tx[k] = trajectory[k][0];
        ty[k] = trajectory[k][1];
      }
      PlotInput.Points t = PlotInput.drawable(tx, ty, false);
      if (t.size() > 0) {
        XYSeries ts = chart.addSeries("trajectory", t.x(), t.y());
        ts.setMarker(t.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        ts.setLineColor(ChartCanvas.colour(3));
        ts.setMarkerColor(ChartCanvas.colour(3));
        ts.setLineStyle(new BasicStroke(2f));
      }
    }
    return ChartCanvas.figure(chart, "vector_field", "Vector field on a " + n + " × " + n
        + " grid (arrows scaled to the longest)" + (trajectory != null ? " with a trajectory"
        : ""));
  }

  /** Line segments in data coordinates, separated by NaN. */
  private static final class Polyline {
    private double[] xs;
    private double[] ys;
    private int size;

    Polyline(int capacity) {
      xs = new double[Math.max(capacity, 8)];
      ys = new double[xs.length];
    }

    /** A segment between two points given in grid units. */
    void segment(Grid g, double gx0, double gy0, double gx1, double gy1) {
      add(g.xMin() + gx0 * g.dx(), g.yMin() + gy0 * g.dy());
      add(g.xMin() + gx1 * g.dx(), g.yMin() + gy1 * g.dy());
      add(g.xMin() + gx1 * g.dx(), Double.NaN);
    }

    private void add(double x, double y) {
      if (size == xs.length) {
        xs = Arrays.copyOf(xs, 2 * size);
        ys = Arrays.copyOf(ys, 2 * size);
      }
      xs[size] = x;
      ys[size] = y;
      size++;
    }

    double[] x() {
      return Arrays.copyOf(xs, size);
    }

    double[] y() {
      return Arrays.copyOf(ys, size);
    }
  }
}
