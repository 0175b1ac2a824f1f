package org.nde4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nde4j.cli.solve.AtomicFile;
import org.nde4j.cli.solve.EnsembleOutput;
import org.nde4j.cli.solve.FanChart;
import org.nde4j.cli.solve.SaveGrid;
import org.nde4j.cli.solve.SdeEnsembleRun;
import org.nde4j.cli.solve.SolutionCsv;
import org.nde4j.cli.solve.SolutionPlot;
import org.nde4j.cli.solve.SolveSummary;
import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.ModelFile;
import org.nde4j.modelfile.ModelProblem;
import org.nde4j.modelfile.ModelSde;
import org.nde4j.modelfile.SolverSettings;
import org.nde4j.random.Key;
import org.nde4j.solve.brownian.BrownianGrid;
import org.nde4j.solve.integrate.EnsembleSummary;
import org.nde4j.solve.integrate.SaveAt;
import org.nde4j.solve.integrate.Solution;
import org.nde4j.solve.integrate.Solve;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.stepsize.ConstantStepSize;
import org.nde4j.solve.stepsize.PidController;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nde4j solve MODEL}: solves a model file and prints a summary; optionally writes the saved
 * states as CSV, a JSON summary and a PNG plot. Exit code 0 when the solve succeeded (or stopped at
 * a terminal event), 3 when it ended early (the outputs then hold everything up to that point and
 * the diagnosis says why), 1 for bad input.
 */
@Command(name = "solve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Solve the ODE system of a model file (YAML or JSON; see docs/model-files.md).",
        "Without output options a summary is printed; --out, --json and --plot write files.",
        "A model with a noise section is an SDE: --paths paths are simulated and summarised per"
            + " time (mean, std, quantiles; --out CSV, --plot fan chart, --json at t_end)."})
final class SolveCommand implements Callable<Integer> {
  static final double DEFAULT_RTOL = 1e-6;
  static final double DEFAULT_ATOL = 1e-9;
  static final String DEFAULT_SOLVER = "auto";
  static final int DEFAULT_PATHS = 1000;
  /** Steps over the time span of a stochastic model when --dt0 is not given. */
  static final int DEFAULT_SDE_STEPS = 1000;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Model file (.yaml, .yml or .json).")
  private Path model;

  @Option(names = "--solver", paramLabel = "NAME",
      description = "Solver (default: the model's, else " + DEFAULT_SOLVER + "). One of: "
          + "${COMPLETION-CANDIDATES}", completionCandidates = SolverNames.class)
  private String solver;

  @Option(names = "--rtol", paramLabel = "R",
      description = "Relative tolerance (default: the model's, else " + DEFAULT_RTOL + ").")
  private Double rtol;

  @Option(names = "--atol", paramLabel = "A",
      description = "Absolute tolerance (default: the model's, else " + DEFAULT_ATOL + ").")
  private Double atol;

  @Option(names = "--dt0", paramLabel = "H",
      description = "First step size; the constant step of a fixed-step solver.")
  private Double dt0;

  @Option(names = "--max-steps", paramLabel = "N", defaultValue = "100000",
      description = "Step budget (default: ${DEFAULT-VALUE}).")
  private long maxSteps;

  @Option(names = "--saveat", paramLabel = "t0:t1:n",
      description = "Save n equally spaced times (default: every step).")
  private String saveat;

  @Option(names = "--saveat-steps", description = "Save after every step (the default).")
  private boolean saveatSteps;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "Write t,<states> as CSV.")
  private Path out;

  @Option(names = "--json", paramLabel = "FILE", description = "Write a JSON summary.")
  private Path json;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Plot the states (PNG).")
  private Path plot;

  @Option(names = "--logx", description = "Logarithmic time axis in the plot.")
  private boolean logx;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "Override a parameter (repeatable).")
  private Map<String, Double> params = new LinkedHashMap<>();

  @Option(names = "--t1", paramLabel = "T", description = "Override the final time.")
  private Double t1;

  @Option(names = "--paths", paramLabel = "N",
      description = "Stochastic models: number of simulated paths (default: "
          + DEFAULT_PATHS + ").")
  private Integer paths;

  @Option(names = "--seed", paramLabel = "S",
      description = "Stochastic models: seed of the Brownian motions (default: 0).")
  private Long seed;

  @Option(names = "--save-paths", paramLabel = "K",
      description = "Stochastic models: keep K sample paths (in the plot, and in "
          + "<out>.paths.csv with --out).")
  private Integer savePaths;

  @Option(names = "--quantiles", paramLabel = "Q,Q,...", split = ",",
      description = "Stochastic models: quantile levels to report (default: 0.05,0.5,0.95).")
  private double[] quantiles;

  /** Solver names for the usage message. */
  static final class SolverNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return SolverCatalogue.names().iterator();
    }
  }

  @Override
  public Integer call() throws Exception {
    if (saveat != null && saveatSteps) {
      throw new IllegalArgumentException("--saveat and --saveat-steps exclude each other");
    }
    if (!Double.isNaN(nan(dt0)) && !(dt0 > 0 && Double.isFinite(dt0))) {
      throw new IllegalArgumentException("--dt0 must be a finite positive number, got " + dt0);
    }
    ModelDefinition def = ModelFile.load(model);
    if (!params.isEmpty()) {
      def = def.withParams(params);
    }
    if (t1 != null) {
      def = def.withT1(t1);
    }
    SolverSettings settings = def.solver().orElse(null);
    if (def.noise().isPresent()) {
      return solveSde(def, settings);
    }
    if (paths != null || seed != null || savePaths != null || quantiles != null) {
      throw new IllegalArgumentException("--paths, --seed, --save-paths and --quantiles apply to"
          + " stochastic models; " + model + " has no 'noise' section (docs/model-files.md)");
    }
    String name = solver != null ? solver
        : settings != null && settings.name().isPresent() ? settings.name().get() : DEFAULT_SOLVER;
    Solver s = SolverCatalogue.byName(name);
    double r = rtol != null ? rtol : settings != null && settings.rtol().isPresent()
        ? settings.rtol().getAsDouble() : DEFAULT_RTOL;
    double a = atol != null ? atol : settings != null && settings.atol().isPresent()
        ? settings.atol().getAsDouble() : DEFAULT_ATOL;
    Solve solve = ModelProblem.solve(def, s).maxSteps(maxSteps);
    if (s.isAdaptive()) {
      solve.controller(PidController.of(r, a));
    } else {
      if (dt0 == null) {
        throw new IllegalArgumentException("solver " + s.name() + " takes constant steps: give"
            + " their size with --dt0");
      }
      solve.controller(ConstantStepSize.create());
      r = Double.NaN;
      a = Double.NaN;
    }
    if (dt0 != null) {
      solve.dt0(dt0);
    }
    SaveAt at = saveat != null ? SaveAt.ts(SaveGrid.parse(saveat).times()) : SaveAt.steps();
    // A plot of every-step output draws smooth curves from the dense output.
    solve.saveAt(plot != null && saveat == null ? at.withDense() : at);

    long start = System.nanoTime();
    Solution sol = solve.run();
    double wallMs = (System.nanoTime() - start) / 1e6;

    List<String> names = def.stateNames();
    if (out != null) {
      AtomicFile.writeString(out, SolutionCsv.format(sol, names));
    }
    if (json != null) {
      AtomicFile.writeString(json, SolveSummary.json(def.name(), sol, names, wallMs, r, a));
    }
    if (plot != null) {
      SolutionPlot.write(plot, def.name() + " (" + sol.solver() + ")", sol, names, logx);
    }
    printSummary(spec.commandLine().getOut(), def, sol, wallMs, r, a);
    if (!sol.status().isSuccess()) {
      spec.commandLine().getErr().println("error: the solve ended early (" + sol.status() + "): "
          + sol.diagnosis().message());
      return 3;
    }
    return 0;
  }

  /** The ensemble of a stochastic model: summary, optional CSV, JSON, paths and fan chart. */
  private int solveSde(ModelDefinition def, SolverSettings settings) {
    if (saveatSteps) {
      throw new IllegalArgumentException("--saveat-steps: an ensemble saves every path at the same"
          + " times; give them with --saveat t0:t1:n");
    }
    Solver s = solver != null ? SolverCatalogue.byName(solver)
        : settings != null && settings.name().isPresent()
            ? SolverCatalogue.byName(settings.name().get()) : ModelSde.defaultSolver(def);
    double r = rtol != null ? rtol : settings != null && settings.rtol().isPresent()
        ? settings.rtol().getAsDouble() : DEFAULT_RTOL;
    double a = atol != null ? atol : settings != null && settings.atol().isPresent()
        ? settings.atol().getAsDouble() : DEFAULT_ATOL;
    double dt = dt0 != null ? dt0 : (def.t1() - def.t0()) / DEFAULT_SDE_STEPS;
    double[] ts = saveat != null ? SaveGrid.parse(saveat).times()
        : SaveGrid.parse(def.t0() + ":" + def.t1() + ":101").times();
    int keep = savePaths == null ? 0 : savePaths;
    if (keep < 0) {
      throw new IllegalArgumentException("--save-paths must be >= 0, got " + keep);
    }
    long sd = seed == null ? 0 : seed;
    SdeEnsembleRun run = new SdeEnsembleRun(def, s, paths == null ? DEFAULT_PATHS : paths, sd,
        dt, r, a, ts, quantiles == null ? new double[] {0.05, 0.5, 0.95} : quantiles, keep,
        maxSteps);
    String sde = ModelSde.term(def, BrownianGrid.of(Key.of(sd), def.t0(), def.t1(),
        ModelSde.channels(def), dt)).describe();
    long start = System.nanoTime();
    EnsembleSummary e = run.run();
    double wallMs = (System.nanoTime() - start) / 1e6;
    List<String> names = def.stateNames();
    if (out != null) {
      AtomicFile.writeString(out, EnsembleOutput.summaryCsv(e, names));
      if (keep > 0) {
        AtomicFile.writeString(pathsFile(out), EnsembleOutput.pathsCsv(e, names));
      }
    }
    if (json != null) {
      AtomicFile.writeString(json, EnsembleOutput.json(def.name(), sde, s.name(), sd, dt, wallMs,
          e, names));
    }
    if (plot != null) {
      FanChart.write(plot, def.name() + " (" + s.name() + ", " + e.successful() + " paths)", e,
          names);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf("%s: %s, solver %s, dt %s, %d paths (seed %d)%n", def.name(), sde, s.name(),
        dt, e.paths(), sd);
    int end = e.ts().length - 1;
    double[] se = e.standardError()[end];
    for (int i = 0; i < names.size(); i++) {
      StringBuilder q = new StringBuilder();
      for (int l = 0; l < e.quantileLevels().length; l++) {
        q.append(l == 0 ? "" : ", ").append("q").append(e.quantileLevels()[l]).append(' ')
            .append(String.format(java.util.Locale.ROOT, "%.6g", e.quantiles()[l][end][i]));
      }
      w.printf(java.util.Locale.ROOT, "t = %s: %s mean %.6g ± %.2g (s.e.), std %.6g; %s%n",
          e.ts()[end], names.get(i), e.mean()[end][i], se[i], e.std()[end][i], q);
    }
    w.printf(java.util.Locale.ROOT, "%d evaluations, %.1f ms%n", e.evaluations(), wallMs);
    w.flush();
    if (e.failed() > 0) {
      spec.commandLine().getErr().println("error: " + e.failed() + " of " + e.paths()
          + " paths failed (left out of the statistics); first: " + e.firstFailure());
      return 3;
    }
    return 0;
  }

  /** {@code out.csv} → {@code out.paths.csv}. */
  private static Path pathsFile(Path out) {
    String name = out.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return out.resolveSibling(stem + ".paths.csv");
  }

  private static double nan(Double d) {
    return d == null ? Double.NaN : d;
  }

  private void printSummary(PrintWriter w, ModelDefinition def, Solution sol, double wallMs,
      double r, double a) {
    w.printf("%s: %d states, solver %s%s%n", def.name(), def.numStates(), sol.solver(),
        Double.isNaN(r) ? "" : ", rtol " + r + ", atol " + a);
    w.printf("status: %s. %s%n", sol.status(), sol.diagnosis().message());
    double[] y = sol.yEnd();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < y.length; i++) {
      b.append(i == 0 ? "" : ", ").append(def.stateNames().get(i)).append(" = ").append(y[i]);
    }
    w.printf("t = %s: %s%n", sol.tEnd(), b);
    var st = sol.stats();
    w.printf("%d evaluations, %d steps (%d accepted, %d rejected), %d events, %.1f ms%n",
        st.nfe(), st.steps(), st.accepted(), st.rejected(), sol.events().size(), wallMs);
    w.flush();
  }
}
