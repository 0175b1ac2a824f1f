package org.nde4j.solve.stepsize;

import org.nde4j.solve.solver.Solver;
import org.nde4j.solve.term.Term;

/**
 * Steps exactly from grid point to grid point of a strictly monotone time grid that starts at the
 * solve's {@code t0} and ends at its {@code t1}.
 */
public final class StepToGrid implements StepSizeController {
  private final double[] grid;

  private StepToGrid(double[] grid) {
    this.grid = grid;
  }

  /**
   * @throws IllegalArgumentException if the grid has fewer than two points or is not strictly
   *     monotone and finite
   */
  public static StepToGrid of(double... grid) {
    if (grid.length < 2) {
      throw new IllegalArgumentException("step to grid: needs at least two times, got "
          + grid.length);
    }
    double dir = Math.signum(grid[grid.length - 1] - grid[0]);
    for (int i = 0; i < grid.length; i++) {
      if (!Double.isFinite(grid[i])) {
        throw new IllegalArgumentException("step to grid: time " + i + " is " + grid[i]);
      }
      if (dir == 0 || i > 0 && Math.signum(grid[i] - grid[i - 1]) != dir) {
        throw new IllegalArgumentException("step to grid: times must be strictly monotone; time "
            + i + " = " + grid[i] + " follows " + grid[Math.max(0, i - 1)]);
      }
    }
    return new StepToGrid(grid.clone());
  }

  @Override
  public boolean isAdaptive() {
    return false;
  }

  @Override
  public StepControl start(Term term, Solver solver, double t0, double t1, double[] y0,
      double dt0) {
    if (grid[0] != t0 || grid[grid.length - 1] != t1) {
      throw new IllegalArgumentException("step to grid: the grid runs from " + grid[0] + " to "
          + grid[grid.length - 1] + " but the solve from " + t0 + " to " + t1);
    }
    return new FixedControl() {
      private int index = 1;

      @Override
      public double firstEnd() {
        return grid[1];
      }

      @Override
      public boolean decide(double start, double end, double error) {
        index = Math.min(index + 1, grid.length - 1);
        return true;
      }

      @Override
      public double nextEnd() {
        return grid[index];
      }

      @Override
      public void truncate(double t) {
        index--;
      }
    };
  }

  @Override
  public String toString() {
    return "step-to-grid(" + grid.length + " points)";
  }
}
