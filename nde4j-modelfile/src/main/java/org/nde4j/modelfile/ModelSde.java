package org.nde4j.modelfile;

import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;

/**
 * A model file with a {@code noise:} section as a problem for the SDE solvers of {@code
 * nde4j-solve}: its drift and diffusion as a compiled {@link SdeTerm} driven by a given Brownian
 * motion, the number of Brownian channels, and a default solver for its noise class.
 */
public final class ModelSde {
  private ModelSde() {}

  /**
   * The model's noise section.
   *
   * @throws IllegalArgumentException if the model has none (it is an ODE)
   */
  public static NoiseDefinition noise(ModelDefinition def) {
    return def.noise().orElseThrow(() -> new IllegalArgumentException("model '" + def.name()
        + "' has no 'noise' section: it is an ODE (add one diffusion expression per state to make"
        + " it stochastic)"));
  }

  /** Number of Brownian channels the model's diffusion needs. */
  public static int channels(ModelDefinition def) {
    return noise(def).channels();
  }

  /** The noise class in {@code nde4j-solve}'s terms. */
  public static NoiseType noiseType(ModelDefinition def) {
    return switch (noise(def).kind()) {
      case DIAGONAL -> NoiseType.DIAGONAL;
      case ADDITIVE -> NoiseType.ADDITIVE;
      case GENERAL -> NoiseType.GENERAL;
    };
  }

  /**
   * A default method for the model's noise: ShARK for additive noise (strong order 1.5 with the
   * space-time Lévy area), Itô Milstein for diagonal Itô noise (strong order 1), Euler–Maruyama
   * for general Itô noise (0.5 without Lévy areas), stochastic Heun for non-additive
   * Stratonovich noise (1 when commutative).
   */
  public static Solver defaultSolver(ModelDefinition def) {
    NoiseDefinition n = noise(def);
    String name = n.kind() == NoiseDefinition.Kind.ADDITIVE ? "shark"
        : n.stratonovich() ? "stochastic_heun"
        : n.kind() == NoiseDefinition.Kind.DIAGONAL ? "ito_milstein" : "euler_maruyama";
    return SolverCatalogue.byName(name);
  }

  /**
   * The SDE term, traced and compiled once for a single (unbatched) state, parameters held
   * constant. Use {@link SdeTerm#withBrownian} for further paths on the same thread.
   *
   * @throws IllegalArgumentException if the model has no noise, or {@code brownian} has another
   *     number of channels than {@link #channels}
   */
  public static SdeTerm term(ModelDefinition def, BrownianMotion brownian) {
    NoiseDefinition n = noise(def);
    Shape y = Shape.of(def.numStates());
    SdeTerm.Builder b = n.stratonovich() ? SdeTerm.stratonovich(y, brownian)
        : SdeTerm.ito(y, brownian);
    return b.args(Tensor.wrap(def.paramValues(), Shape.of(def.numParams())))
        .drift(def.vectorField()).diffusion(noiseType(def), def.diffusion()).build();
  }
}
