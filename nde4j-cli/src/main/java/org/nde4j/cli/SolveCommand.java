package org.nde4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nde4j.cli.solve.AtomicFile;
import org.nde4j.cli.solve.SaveGrid;
import org.nde4j.cli.solve.SolutionCsv;
import org.nde4j.cli.solve.SolutionPlot;
import org.nde4j.cli.solve.SolveSummary;
import org.nde4j.modelfile.ModelDefinition;
import org.nde4j.modelfile.ModelFile;
import org.nde4j.modelfile.ModelProblem;
import org.nde4j.modelfile.SolverSettings;
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
        "Without output options a summary is printed; --out, --json and --plot write files."})
final class SolveCommand implements Callable<Integer> {
  static final double DEFAULT_RTOL = 1e-6;
  static final double DEFAULT_ATOL = 1e-9;
  static final String DEFAULT_SOLVER = "auto";

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
