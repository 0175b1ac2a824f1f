package org.nde4j.bench.stiff;

import org.nde4j.solve.term.OdeTerm;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;
import org.nde4j.testkit.problems.OdeProblem;
import org.nde4j.testkit.problems.Rober;
import org.nde4j.testkit.problems.VanDerPolStiff;

/**
 * A problem of workload W2 ({@code reference/workloads.md}): W2a Robertson ({@code k1 = 0.04, k2 =
 * 3e7, k3 = 1e4}, {@code y0 = (1, 0, 0)}, {@code t ∈ [0, 1e5]}) and W2b Van der Pol μ = 1000
 * ({@code y0 = (2, 0)}, {@code t ∈ [0, 3000]}), both at rtol = 1e-6, atol = 1e-10.
 *
 * <p>The vector field is written with tensor ops and traced once, so the stiff methods get their
 * Jacobian by autodiff (a compiled Jacobian plan) — the counterpart of the analytic Jacobian the
 * scipy peer is given; no right-hand-side evaluations go into Jacobians. The same field as plain
 * arrays is the testkit's {@link #problem()}.
 *
 * @param prefix case-name prefix, {@code "w2a"} or {@code "w2b"}
 * @param peerName the problem's name in {@code peers/w2_stiff.py}'s output
 * @param problem the testkit problem with the same field (plain arrays)
 * @param t1 end of the span (W2's value, or shorter in tests)
 */
public record StiffProblem(String prefix, String peerName, OdeProblem problem, double t1) {
  /** Relative tolerance of W2. */
  public static final double RTOL = 1e-6;
  /** Absolute tolerance of W2. */
  public static final double ATOL = 1e-10;
  /** Van der Pol's μ in W2b. */
  static final double MU = 1000;

  /** W2a, Robertson on [0, 1e5]. */
  public static final StiffProblem W2A = new StiffProblem("w2a", "robertson", new Rober(1e5), 1e5);
  /** W2b, Van der Pol μ = 1000 on [0, 3000]. */
  public static final StiffProblem W2B =
      new StiffProblem("w2b", "vdp1000", VanDerPolStiff.workloadW2b(), 3000);

  /** The same problem on {@code [t0, t1]} (tests use short spans). */
  public StiffProblem withSpan(double t1) {
    return new StiffProblem(prefix, peerName, problem, t1);
  }

  /** Start of the span. */
  public double t0() {
    return problem.t0();
  }

  /** State size. */
  public int dim() {
    return problem.dim();
  }

  /** A fresh initial state. */
  public double[] y0() {
    return problem.y0();
  }

  /** The traced term (autodiff Jacobian). */
  public OdeTerm term() {
    return OdeTerm.of(field(), Shape.of(dim()));
  }

  /** The vector field with tensor ops; inputs {@code t []} and {@code y [dim]}. */
  TensorFn field() {
    return "robertson".equals(peerName) ? StiffProblem::rober : StiffProblem::vdp;
  }

  private static Tensor[] rober(Tensor[] in) {
    Tensor y = in[1];
    Tensor y1 = y.index(0, 0);
    Tensor y2 = y.index(0, 1);
    Tensor y3 = y.index(0, 2);
    Tensor a = y1.mul(0.04);
    Tensor b = y2.mul(y3).mul(1e4);
    Tensor c = y2.square().mul(3e7);
    return new Tensor[] {Tensor.stack(0, b.sub(a), a.sub(b).sub(c), c)};
  }

  private static Tensor[] vdp(Tensor[] in) {
    Tensor y = in[1];
    Tensor y1 = y.index(0, 0);
    Tensor y2 = y.index(0, 1);
    Tensor dy2 = y1.square().rsub(1).mul(y2).mul(MU).sub(y1);
    return new Tensor[] {Tensor.stack(0, y2, dy2)};
  }

  /** Max-abs difference of two states. */
  static double maxAbs(double[] a, double[] b) {
    double e = 0;
    for (int i = 0; i < a.length; i++) {
      e = Math.max(e, Math.abs(a[i] - b[i]));
    }
    return e;
  }
}
