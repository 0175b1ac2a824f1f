package org.nde4j.modelfile;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The optional {@code solver:} section: a solver name (resolved by whoever runs the model; not
 * checked here) and tolerances, each optional. Tolerances are positive and finite.
 */
public record SolverSettings(Optional<String> name, OptionalDouble rtol, OptionalDouble atol) {}
