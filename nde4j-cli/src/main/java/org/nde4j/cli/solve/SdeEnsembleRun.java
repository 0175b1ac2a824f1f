package org.nde4j.cli.solve;

import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.ModelSde;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianGrid;
import org.nde4j.solve.brownian.BrownianInterval;
import org.nde4j.solve.brownian.BrownianMotion;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.integrate.Ensemble;
import org.nde4j.solve.integrate.EnsembleSummary;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.sde.SdeSolver;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.SdeTerm;

/**
 * Simulates the paths of a stochastic model file: path {@code p} is driven by the Brownian motion
 * of key {@code Key.of(seed).foldIn(p)} — a {@link BrownianGrid} on the step grid for
 * constant-step solvers, a {@link BrownianInterval} for adaptive ones — and the paths are
 * summarised by {@link Ensemble}. The compiled drift and diffusion are built once per thread.
 *
 * @param solver an {@link SdeSolver}
 * @param dt the constant step (the first step of an adaptive solver)
 * @param rtol adaptive solvers' tolerances (ignored for constant steps)
 */
public record SdeEnsembleRun(ModelDefinition model, Solver solver, int paths, long seed,
    double dt, double rtol, double atol, double[] saveTimes, double[] quantiles, int keep,
    long maxSteps) {

  /**
   * Checks the settings against the model before anything runs.
   *
   * @throws IllegalArgumentException naming the option: a non-SDE solver, a backwards time span,
   *     a step that does not divide the span into at most {@code maxSteps} steps
   */
  public SdeEnsembleRun {
    if (!(solver instanceof SdeSolver)) {
      throw new IllegalArgumentException("--solver " + solver.name() + " is not an SDE solver;"
          + " model '" + model.name() + "' has a noise section (SDE solvers: euler_maruyama,"
          + " ito_milstein, stochastic_heun, sra1, shark, … — see docs/sde.md)");
    }
    if (!(model.t1() > model.t0())) {
      throw new IllegalArgumentException("model '" + model.name() + "': stochastic models"
          + " integrate forwards in time; tspan is [" + model.t0() + ", " + model.t1() + "]");
    }
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("--dt0 must be a finite positive number, got " + dt);
    }
    if ((model.t1() - model.t0()) / dt > maxSteps) {
      throw new IllegalArgumentException("--dt0 " + dt + " needs more than --max-steps "
          + maxSteps + " steps over [" + model.t0() + ", " + model.t1() + "]");
    }
    if (paths < 1) {
      throw new IllegalArgumentException("--paths must be at least 1, got " + paths);
    }
  }

  /** Runs every path and summarises them. */
  public EnsembleSummary run() {
    int m = ModelSde.channels(model);
    LevyArea area = ((SdeSolver) solver).levyArea();
    boolean adaptive = solver.isAdaptive();
    double t0 = model.t0();
    double t1 = model.t1();
    ThreadLocal<SdeTerm> base = ThreadLocal.withInitial(() -> ModelSde.term(model,
        BrownianGrid.of(Key.of(seed), t0, t1, m, dt, area)));
    Key root = Key.of(seed);
    return Ensemble.of(paths, p -> {
      Key key = root.foldIn(p);
      BrownianMotion bm = adaptive
          ? BrownianInterval.of(key, t0, t1, m, area, dt, BrownianInterval.DEFAULT_CACHE)
          : BrownianGrid.of(key, t0, t1, m, dt, area);
      Solve s = Solve.of(base.get().withBrownian(bm), solver, t0, t1, model.initialState())
          .dt0(dt).maxSteps(maxSteps).saveAt(SaveAt.ts(saveTimes));
      return adaptive ? s.controller(PidController.of(rtol, atol))
          : s.controller(ConstantStepSize.create());
    }).quantiles(quantiles).keepPaths(keep).run();
  }
}
