package org.nde4j.learn.data;

/** How a CSV file lays out its time series; see {@link PanelCsv}. */
public enum CsvLayout {
  /** Decide by the header: {@code id,time,…} is {@link #LONG}, {@code time,…} is {@link #WIDE}. */
  AUTO,
  /** Many series, one observation per row: {@code id,time,<channels…>}. */
  LONG,
  /** One series, one observation per row: {@code time,<channels…>}. */
  WIDE
}
