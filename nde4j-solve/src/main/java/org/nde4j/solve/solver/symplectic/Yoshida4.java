package org.nde4j.solve.solver.symplectic;

/**
 * The fourth-order symplectic composition of three Störmer–Verlet steps with weights {@code w1,
 * w0, w1}, {@code w1 = 1/(2 − 2^{1/3})}, {@code w0 = 1 − 2 w1} (negative): Forest &amp; Ruth,
 * Physica D 43:105–117, 1990, doi:10.1016/0167-2789(90)90019-L; Yoshida, Phys. Lett. A
 * 150:262–268, 1990, doi:10.1016/0375-9601(90)90092-3. Kicks {@code w1/2, (w1+w0)/2, (w0+w1)/2,
 * w1/2}, drifts {@code w1, w0, w1}; three evaluations per step. Dense output: cubic Hermite,
 * order 3.
 */
public final class Yoshida4 extends AbstractSymplectic {
  private static final double W1 = 1 / (2 - Math.cbrt(2));
  private static final double W0 = 1 - 2 * W1;

  public Yoshida4() {
    super("yoshida4", 4, new double[] {W1 / 2, (W1 + W0) / 2, (W0 + W1) / 2, W1 / 2},
        new double[] {W1, W0, W1});
  }
}
