package org.nde4j.solve.solver.sde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nde4j.solve.brownian.LevyArea;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;
import org.nde4j.solve.solver.Stepper;
import org.nde4j.solve.term.NoiseType;
import org.nde4j.solve.term.SdeTerm;
import org.nde4j.solve.term.SdeType;
import org.nde4j.solve.term.Term;

/**
 * The shared part of the SDE solvers: the declared type, Lévy area and orders, and the refusal of
 * terms they do not fit — an {@link IllegalArgumentException} from {@link #stepper} that names
 * the solver, the problem and the catalogued solvers that would integrate it. Subclasses add
 * their own conditions through {@link #extraRefusal} and build the stepper in {@link
 * #newStepper}.
 */
public abstract class AbstractSdeSolver implements SdeSolver {
  private final String name;
  private final Set<SdeType> types;
  private final LevyArea area;
  private final NoiseOrders strong;
  private final NoiseOrders weak;
  private final int errorOrder;

  /**
   * @param errorOrder order of the embedded error estimate, 0 when there is none
   */
  protected AbstractSdeSolver(String name, Set<SdeType> types, LevyArea area, NoiseOrders strong,
      NoiseOrders weak, int errorOrder) {
    this.name = name;
    this.types = Collections.unmodifiableSet(EnumSet.copyOf(types));
    this.area = area;
    this.strong = strong;
    this.weak = weak;
    this.errorOrder = errorOrder;
  }

  /** The stepper for a term this solver accepts. */
  protected abstract Stepper newStepper(SdeTerm term);

  /** A further reason to refuse {@code term}, or null; none by default. */
  protected String extraRefusal(SdeTerm term) {
    return null;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<SdeType> sdeTypes() {
    return types;
  }

  @Override
  public final LevyArea levyArea() {
    return area;
  }

  @Override
  public final NoiseOrders strongOrders() {
    return strong;
  }

  @Override
  public final NoiseOrders weakOrders() {
    return weak;
  }

  @Override
  public int order() {
    double best = 0;
    for (double o : new double[] {strong.general(), strong.commutative(), strong.additive()}) {
      best = Double.isNaN(o) ? best : Math.max(best, o);
    }
    return Math.max(1, (int) Math.floor(best));
  }

  @Override
  public final int errorOrder() {
    return errorOrder;
  }

  @Override
  public int interpolationOrder() {
    return 1;
  }

  @Override
  public final String refusal(SdeTerm term) {
    if (term.noise() != NoiseType.ADDITIVE && !types.contains(term.sdeType())) {
      return "it integrates " + typeNames() + " SDEs only (convert the term with "
          + (term.sdeType() == SdeType.ITO ? "toStratonovich()" : "toIto()")
          + " if the diffusion has a derivative)";
    }
    if (!strong.applies(term)) {
      return "it applies to " + noiseNames() + " noise only";
    }
    if (area == LevyArea.SPACE_TIME && !term.hasSpaceTimeArea()) {
      return "it needs the space-time Lévy area; build the Brownian motion with"
          + " LevyArea.SPACE_TIME";
    }
    return extraRefusal(term);
  }

  /**
   * A fresh stepper.
   *
   * @throws IllegalArgumentException if {@code term} is not an {@link SdeTerm} or this solver
   *     refuses it ({@link #refusal}); the message names the solvers that would work
   */
  @Override
  public final Stepper stepper(Term term) {
    if (!(term instanceof SdeTerm sde)) {
      throw new IllegalArgumentException("solver " + name + " integrates stochastic differential"
          + " equations: give it an SdeTerm, got " + term.getClass().getSimpleName());
    }
    String why = refusal(sde);
    if (why != null) {
      throw new IllegalArgumentException("solver " + name + " cannot integrate the " + sde.describe()
          + ": " + why + "; solvers that would work: " + alternatives(sde));
    }
    return newStepper(sde);
  }

  /**
   * Refuses a deterministic solver on an SDE term (its {@link Term#rate} is the drift alone, so
   * it would silently solve the ODE without noise).
   *
   * @throws IllegalArgumentException naming the SDE solvers that would work
   */
  public static void requireSdeSolver(Term term, Solver solver) {
    if (term instanceof SdeTerm sde && !(solver instanceof SdeSolver)) {
      throw new IllegalArgumentException("solve: solver " + solver.name() + " integrates"
          + " deterministic equations but the term is the " + sde.describe() + "; use an SDE"
          + " solver: " + alternatives(sde));
    }
  }

  /** The catalogued SDE solvers that accept {@code term}, comma-separated ("none" if none). */
  public static String alternatives(SdeTerm term) {
    List<String> ok = new ArrayList<>();
    for (String n : SolverCatalogue.names()) {
      Solver s = SolverCatalogue.byName(n);
      if (s instanceof SdeSolver sde && sde.refusal(term) == null) {
        ok.add(n);
      }
    }
    return ok.isEmpty() ? "none in the catalogue" : String.join(", ", ok);
  }

  private String typeNames() {
    List<String> s = new ArrayList<>();
    for (SdeType t : types) {
      s.add(t.label());
    }
    return String.join(" and ", s);
  }

  private String noiseNames() {
    List<String> s = new ArrayList<>();
    if (!Double.isNaN(strong.general())) {
      s.add("general");
    }
    if (!Double.isNaN(strong.commutative())) {
      s.add("commutative (scalar, diagonal)");
    }
    if (!Double.isNaN(strong.additive())) {
      s.add("additive");
    }
    return String.join(", ", s);
  }

  @Override
  public String toString() {
    return name;
  }
}
