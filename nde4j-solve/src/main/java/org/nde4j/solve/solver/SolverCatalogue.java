package org.nde4j.solve.solver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.nde4j.solve.solver.implicit.ImplicitEuler;
import org.nde4j.solve.solver.implicit.KenCarp3;
import org.nde4j.solve.solver.implicit.KenCarp4;
import org.nde4j.solve.solver.implicit.KenCarp5;
import org.nde4j.solve.solver.implicit.Kvaerno3;
import org.nde4j.solve.solver.implicit.Kvaerno4;
import org.nde4j.solve.solver.implicit.Kvaerno5;
import org.nde4j.solve.solver.implicit.TrBdf2;
import org.nde4j.solve.solver.implicit.Trapezoid;
import org.nde4j.solve.solver.reversible.ReversibleHeun;
import org.nde4j.solve.solver.rosenbrock.Rodas4;
import org.nde4j.solve.solver.rosenbrock.Rodas5P;
import org.nde4j.solve.solver.rosenbrock.Rosenbrock23;
import org.nde4j.solve.solver.rk.Bosh3;
import org.nde4j.solve.solver.rk.Dop853;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Dopri8;
import org.nde4j.solve.solver.rk.Euler;
import org.nde4j.solve.solver.rk.Heun;
import org.nde4j.solve.solver.rk.Midpoint;
import org.nde4j.solve.solver.rk.Ralston;
import org.nde4j.solve.solver.rk.Rk4;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.solver.rk.Vern7;
import org.nde4j.solve.solver.rk.Vern9;
import org.nde4j.solve.solver.symplectic.SemiImplicitEuler;
import org.nde4j.solve.solver.symplectic.Verlet;
import org.nde4j.solve.solver.symplectic.Yoshida4;

/**
 * Every solver by its catalogue name (lower case), for the command line, model files and the
 * testkit's solver contract tests. Adding a method = one file plus one line here. Solvers that
 * need a particular kind of term (the symplectic ones need a {@link
 * org.nde4j.solve.term.SecondOrderTerm}) say so through {@link Solver#termType()}; tests that
 * run every solver on a general term keep those with {@code termType().isInstance(term)}; the
 * SDE solvers ({@code solver.sde}) need an {@link org.nde4j.solve.term.SdeTerm}.
 */
public final class SolverCatalogue {
  private static final Map<String, Supplier<Solver>> SOLVERS = new LinkedHashMap<>();
  private static final String DOUBLING = "+doubling";

  static {
    register(Euler::new);
    register(Heun::new);
    register(Midpoint::new);
    register(Ralston::new);
    register(Rk4::new);
    register(Bosh3::new);
    register(Tsit5::new);
    register(Dopri5::new);
    register(Vern7::new);
    register(Dop853::new);
    register(Dopri8::new);
    register(Vern9::new);
    register(ReversibleHeun::new);
    register(SemiImplicitEuler::new);
    register(Verlet::new);
    register(Yoshida4::new);
    register(Rosenbrock23::new);
    register(Rodas4::new);
    register(Rodas5P::new);
    register(org.nde4j.solve.solver.bdf.Bdf::new);
    register(org.nde4j.solve.solver.bdf.Bdf::ndf);
    register(ImplicitEuler::new);
    register(Trapezoid::new);
    register(TrBdf2::new);
    register(Kvaerno3::new);
    register(Kvaerno4::new);
    register(Kvaerno5::new);
    register(KenCarp3::new);
    register(KenCarp4::new);
    register(KenCarp5::new);
    register(() -> new AutoSwitch(new Tsit5(), new Rodas5P()));
    register(org.nde4j.solve.solver.sde.EulerMaruyama::new);
    register(org.nde4j.solve.solver.sde.EulerHeun::new);
    register(org.nde4j.solve.solver.sde.StochasticHeun::new);
    register(org.nde4j.solve.solver.sde.StochasticMidpoint::new);
    register(org.nde4j.solve.solver.sde.ItoMilstein::new);
    register(org.nde4j.solve.solver.sde.ItoMilstein::derivativeFree);
    register(org.nde4j.solve.solver.sde.StratonovichMilstein::new);
    register(org.nde4j.solve.solver.sde.StratonovichMilstein::derivativeFree);
    register(org.nde4j.solve.solver.sde.StochasticReversibleHeun::new);
    register(org.nde4j.solve.solver.sde.Sra1::new);
    register(org.nde4j.solve.solver.sde.Shark::new);
    register(org.nde4j.solve.solver.sde.Sea::new);
    register(org.nde4j.solve.solver.sde.Spark::new);
    register(org.nde4j.solve.solver.sde.Sriw1::new);
  }

  private SolverCatalogue() {}

  private static void register(Supplier<Solver> factory) {
    SOLVERS.put(factory.get().name(), factory);
  }

  /** Catalogue names in registration order. */
  public static Iterable<String> names() {
    return Collections.unmodifiableSet(SOLVERS.keySet());
  }

  /**
   * The solver called {@code name} (case-insensitive). A catalogued name followed by {@code
   * +doubling} gives that solver wrapped in step doubling (an error estimate for methods without
   * one): {@link org.nde4j.solve.solver.rk.StepDoubling} for ODE solvers, {@link
   * org.nde4j.solve.solver.sde.SdeStepDoubling} for SDE solvers.
   *
   * @throws IllegalArgumentException naming the known solvers if there is none by that name
   */
  public static Solver byName(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.endsWith(DOUBLING)) {
      Solver inner = byName(key.substring(0, key.length() - DOUBLING.length()));
      return inner instanceof org.nde4j.solve.solver.sde.SdeSolver sde
          ? new org.nde4j.solve.solver.sde.SdeStepDoubling(sde)
          : new org.nde4j.solve.solver.rk.StepDoubling(inner);
    }
    Supplier<Solver> f = SOLVERS.get(key);
    if (f == null) {
      throw new IllegalArgumentException("unknown solver '" + name + "' (known: "
          + String.join(", ", SOLVERS.keySet()) + "; any of them followed by " + DOUBLING
          + " for step doubling)");
    }
    return f.get();
  }
}
