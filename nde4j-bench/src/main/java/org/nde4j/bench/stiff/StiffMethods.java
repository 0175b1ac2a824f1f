package org.nde4j.bench.stiff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nde4j.solve.solver.SolverCatalogue;

/**
 * The stiff methods the {@code stiff} suite looks for in the {@link SolverCatalogue}, in run
 * order: ESDIRK (Kvaerno, KenCarp), the one- and two-stage classics, Rosenbrock, BDF. A candidate
 * matches a catalogue name that equals it once case, {@code '_'} and {@code '-'} are ignored (so
 * {@code implicit_euler} finds {@code implicit-euler} or {@code impliciteuler}); absent candidates
 * are skipped and named in the report's header, so that methods merged later show up without a
 * change here.
 */
public final class StiffMethods {
  /** Candidate names (issue 4, item 3). */
  public static final List<String> CANDIDATES = List.of("kvaerno3", "kvaerno4", "kvaerno5",
      "kencarp3", "kencarp4", "kencarp5", "implicit_euler", "trapezoid", "trbdf2", "rosenbrock23",
      "rodas4", "rodas5p", "bdf");

  /** Preferred methods for the tight reference, most accurate first. */
  public static final List<String> REFERENCE_PREFERENCE = List.of("rodas5p", "kvaerno5", "bdf");

  private StiffMethods() {}

  /** The catalogue name matching {@code candidate}, or {@code null} when there is none. */
  public static String catalogueName(String candidate) {
    String key = normal(candidate);
    for (String n : SolverCatalogue.names()) {
      if (normal(n).equals(key)) {
        return n;
      }
    }
    return null;
  }

  /** The catalogue names of the candidates that are present, in {@link #CANDIDATES} order. */
  public static List<String> present() {
    List<String> out = new ArrayList<>();
    for (String c : CANDIDATES) {
      String n = catalogueName(c);
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  /** The candidates with no catalogue entry. */
  public static List<String> absent() {
    List<String> out = new ArrayList<>();
    for (String c : CANDIDATES) {
      if (catalogueName(c) == null) {
        out.add(c);
      }
    }
    return out;
  }

  /** The case-name form of a catalogue name: lower case, {@code '-'} → {@code '_'}. */
  static String caseForm(String catalogueName) {
    return catalogueName.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }
}
