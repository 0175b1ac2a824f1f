package org.nde4j.bench;

/**
 * The timings of one case, per call, in milliseconds.
 *
 * @param medianMs median over the samples of the mean time per call within a sample
 * @param minMs fastest sample
 * @param maxMs slowest sample
 * @param runs number of samples
 * @param callsPerRun calls averaged in each sample
 * @param warmupMs how long the warm-up took
 * @param settled whether the warm-up ended because timings had settled and the JIT was idle
 *     (false: it ended at its time limit, and the timings may include code not yet optimised)
 */
public record Timing(double medianMs, double minMs, double maxMs, int runs, int callsPerRun,
    double warmupMs, boolean settled) {}
