/**
 * Time-series data for training: {@link org.nde4j.learn.data.Panel}s of irregular
 * {@link org.nde4j.learn.data.Series} with missing values, read from CSV by
 * {@link org.nde4j.learn.data.PanelCsv}; {@link org.nde4j.learn.data.Normalisation};
 * mini-batches of windows ({@link org.nde4j.learn.data.WindowSampler}); train/validation
 * {@link org.nde4j.learn.data.Split}s. docs/training.md describes the file format.
 */
package org.nde4j.learn.data;
