package org.nde4j.cli.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Series;
import org.nde4j.learn.report.Figure;
import org.nde4j.learn.report.PhasePortrait;
import org.nde4j.learn.report.TrajectoryPlot;

/**
 * Figures of predictions against data: every state of up to {@value #MAX_SERIES} series in one
 * {@link TrajectoryPlot} (curves labelled {@code id: state} when there are several series), and a
 * {@link PhasePortrait} of the first two states of the first series.
 */
public final class PredictionPlot {
  /** Series drawn at most (the legend of more is unreadable). */
  public static final int MAX_SERIES = 6;

  private PredictionPlot() {}

  /**
   * The trajectory figure.
   *
   * @param states      the predicted states
   * @param data        the data; channels named after states, others ignored
   * @param predictions one per series of {@code data}, in order
   */
  public static Figure trajectories(String title, List<String> states, Panel data,
      List<Prediction> predictions) {
    List<Prediction> shown = predictions.subList(0, Math.min(MAX_SERIES, predictions.size()));
    boolean many = shown.size() > 1;
    TreeSet<Double> modelTimes = new TreeSet<>();
    TreeSet<Double> dataTimes = new TreeSet<>();
    for (Prediction p : shown) {
      for (double t : p.times()) {
        modelTimes.add(t);
      }
      for (int i = 0; i < p.series().length(); i++) {
        dataTimes.add(p.series().time(i));
      }
    }
    double[] mt = toArray(modelTimes);
    double[] dt = toArray(dataTimes);
    int k = states.size();
    List<String> names = new ArrayList<>();
    double[][] model = nans(mt.length, k * shown.size());
    double[][] points = nans(dt.length, k * shown.size());
    for (int j = 0; j < shown.size(); j++) {
      Prediction p = shown.get(j);
      for (String st : states) {
        names.add(many ? label(p.series()) + ": " + st : st);
      }
      for (int i = 0; i < p.times().length; i++) {
        System.arraycopy(p.states()[i], 0, model[index(mt, p.times()[i])], j * k, k);
      }
      Series s = p.series();
      for (int c = 0; c < data.channels().size(); c++) {
        int st = states.indexOf(data.channels().get(c));
        for (int i = 0; st >= 0 && i < s.length(); i++) {
          points[index(dt, s.time(i))][j * k + st] = s.value(i, c);
        }
      }
    }
    String shownNote = predictions.size() > shown.size()
        ? " (first " + shown.size() + " of " + predictions.size() + " series)" : "";
    return TrajectoryPlot.plot(title + shownNote, names, mt, model, dt, points);
  }

  /** The phase portrait of states 0 and 1 of the first series, with its data. */
  public static Figure phase(String title, List<String> states, Panel data, Prediction first) {
    Series s = first.series();
    double[][] points = nans(s.length(), states.size());
    for (int c = 0; c < data.channels().size(); c++) {
      int st = states.indexOf(data.channels().get(c));
      for (int i = 0; st >= 0 && i < s.length(); i++) {
        points[i][st] = s.value(i, c);
      }
    }
    String which = data.series().size() > 1 ? " (series " + label(s) + ")" : "";
    return PhasePortrait.plot(title + which, states, 0, 1, first.states(), points);
  }

  private static String label(Series s) {
    return s.id().isEmpty() ? "series" : s.id();
  }

  private static int index(double[] sorted, double t) {
    return java.util.Arrays.binarySearch(sorted, t);
  }

  private static double[] toArray(TreeSet<Double> set) {
    return set.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[][] nans(int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] r : m) {
      java.util.Arrays.fill(r, Double.NaN);
    }
    return m;
  }
}
