/**
 * Files a training run leaves behind: {@link org.nde4j.learn.io.Safetensors} (the tensor format
 * PyTorch and JAX share), {@link org.nde4j.learn.io.RunDirectory} with its
 * {@link org.nde4j.learn.io.Provenance} and {@link org.nde4j.learn.io.MetricsCsv}, and
 * {@link org.nde4j.learn.io.AtomicFile}, through which every file is replaced so that a crash
 * never leaves a torn one. docs/training.md describes them for users.
 */
package org.nde4j.learn.io;
