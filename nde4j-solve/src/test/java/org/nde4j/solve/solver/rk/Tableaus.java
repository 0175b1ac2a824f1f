package org.nde4j.solve.solver.rk;

import java.util.ArrayList;
import java.util.List;
import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.solver.SolverCatalogue;

/** The catalogue's explicit Runge–Kutta methods and their coefficients as full matrices. */
final class Tableaus {
  private Tableaus() {}

  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (String name : SolverCatalogue.names()) {
      Solver s = SolverCatalogue.byName(name);
      if (s instanceof AbstractExplicitRk) {
        out.add(name);
      }
    }
    return out;
  }

  static AbstractExplicitRk byName(String name) {
    return (AbstractExplicitRk) SolverCatalogue.byName(name);
  }

  /** The main stages' matrix, s × s. */
  static double[][] mainMatrix(AbstractExplicitRk rk) {
    ButcherTableau t = rk.tableau();
    int s = t.stages();
    double[][] a = new double[s][s];
    for (int i = 0; i < s; i++) {
      System.arraycopy(t.aRow(i), 0, a[i], 0, i);
    }
    return a;
  }

  /** Main then extra stages of the dense output, as one matrix. */
  static double[][] extendedMatrix(AbstractExplicitRk rk) {
    ButcherTableau t = rk.tableau();
    RkInterpolant in = rk.interpolant();
    int s = t.stages();
    int total = in.totalStages();
    double[][] a = new double[total][total];
    for (int i = 0; i < s; i++) {
      System.arraycopy(t.aRow(i), 0, a[i], 0, i);
    }
    for (int j = 0; j < in.extraStages(); j++) {
      double[] row = in.aExtraRow(j);
      System.arraycopy(row, 0, a[s + j], 0, row.length);
    }
    return a;
  }

  static double[] minus(double[] x, double[] y) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = x[i] - y[i];
    }
    return r;
  }
}
