package org.nde4j.learn.data;

/**
 * A panel divided into a training and a validation part.
 *
 * @param train      the data to fit
 * @param validation the held-out data
 */
public record Split(Panel train, Panel validation) {}
