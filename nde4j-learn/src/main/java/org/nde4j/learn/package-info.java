/**
 * Learning on top of the solvers (DESIGN.md §5): {@code nn} (modules as named, shaped views into
 * one flat parameter vector), {@code optim} (optimisers, schedules, clipping), {@code data}
 * (irregular time-series panels from CSV), {@code io} (safetensors, run directories), {@code
 * report} (PNG figures and the self-contained report.html), {@code train} and {@code models} (the
 * neural-DE model zoo). Nothing here knows about the command line.
 */
package org.nde4j.learn;
