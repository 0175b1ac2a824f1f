/**
 * Figures and the report of a training run: {@link org.nde4j.learn.report.LossPlot} (train and
 * validation loss), {@link org.nde4j.learn.report.TrajectoryPlot} (model curves over observed
 * points), {@link org.nde4j.learn.report.PhasePortrait} (two channels against each other),
 * {@link org.nde4j.learn.report.QuiverPlot} (a planar vector field as arrows), each a PNG
 * {@link org.nde4j.learn.report.Figure} drawn headless with XChart at a fixed size and with fixed
 * fonts; and {@link org.nde4j.learn.report.RunReport}, the self-contained {@code report.html} of a
 * run directory. The plotting library is a dependency of nde4j-learn only. docs/training.md
 * describes them for users.
 */
package org.nde4j.learn.report;
