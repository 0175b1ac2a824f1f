package org.nde4j.cli.fit;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.learn.data.Panel;
import org.nde4j.learn.data.Series;

/**
 * A model's prediction for one series of data.
 *
 * @param series the data series it belongs to
 * @param times  the prediction times, increasing, the series' first time first
 * @param states {@code [time][state]}, in the order of {@link FittedModel#states()}
 */
public record Prediction(Series series, double[] times, double[][] states) {

  /** Predictions of every series of {@code data} at the times {@code grid} gives for it. */
  public static List<Prediction> of(FittedModel model, Panel data, TimeGrid grid) {
    List<Prediction> out = new ArrayList<>();
    for (Series s : data.series()) {
      double[] ts = grid.times(s);
      out.add(new Prediction(s, ts, model.predict(s, ts)));
    }
    return out;
  }

  /** The prediction times of one series. */
  @FunctionalInterface
  public interface TimeGrid {
    double[] times(Series s);
  }
}
