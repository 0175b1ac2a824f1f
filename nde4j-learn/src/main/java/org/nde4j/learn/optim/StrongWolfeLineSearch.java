package org.nde4j.learn.optim;

/**
 * A line search for a step length satisfying the strong Wolfe conditions {@code φ(α) ≤ φ(0) +
 * c₁ α φ'(0)} and {@code |φ'(α)| ≤ c₂ |φ'(0)|}, with {@code φ(α) = L(x + α d)}: Nocedal &amp;
 * Wright, Numerical Optimization, 2nd ed., Algorithm 3.5 (bracketing, doubling the trial step)
 * and Algorithm 3.6 ({@code zoom}, trial steps by the cubic interpolant of eq. 3.59, safeguarded
 * to the middle 80 % of the bracket, bisection when the cubic has no minimiser). Every
 * evaluation gives the loss and the gradient, so {@code φ'} is known at every trial point.
 *
 * <p>Owns its scratch arrays; allocation-free; one thread.
 */
final class StrongWolfeLineSearch {
  private final double c1;
  private final double c2;
  private final int maxEvaluations;
  private final double[] xTrial;
  private final double[] gTrial;
  private final double[] gLo;

  private LossFunction f;
  private double[] x;
  private double[] d;
  private double phiTrial;
  private double dphiTrial;

  /** Step length and loss of the accepted point after a successful {@link #search}. */
  double alpha;
  double loss;
  /** Loss evaluations of the last search. */
  int evaluations;

  StrongWolfeLineSearch(int n, double c1, double c2, int maxEvaluations) {
    this.c1 = c1;
    this.c2 = c2;
    this.maxEvaluations = maxEvaluations;
    this.xTrial = new double[n];
    this.gTrial = new double[n];
    this.gLo = new double[n];
  }

  /**
   * Searches along the descent direction {@code d} from {@code x} (loss {@code fx}, slope {@code
   * dphi0 = ∇L(x)·d < 0}), starting with step {@code alpha1}. On success writes the accepted
   * point to {@code xOut} and its gradient to {@code gOut} and returns true: either a strong Wolfe
   * point or, when the evaluations run out, the bracket's low end if it is past {@code x} (it
   * satisfies the sufficient-decrease condition). Returns false, writing nothing, if no point
   * with sufficient decrease was found.
   */
  boolean search(LossFunction f, double[] x, double fx, double dphi0, double[] d, double alpha1,
      double[] xOut, double[] gOut) {
    this.f = f;
    this.x = x;
    this.d = d;
    evaluations = 0;
    double aPrev = 0;
    double fPrev = fx;
    double dPrev = dphi0;
    double a = alpha1;
    boolean found;
    while (true) {
      evaluate(a);
      if (!Double.isFinite(phiTrial) || !Double.isFinite(dphiTrial)
          || phiTrial > fx + c1 * a * dphi0 || (evaluations > 1 && phiTrial >= fPrev)) {
        found = zoom(fx, dphi0, aPrev, fPrev, dPrev, a, phiTrial, dphiTrial);
        break;
      }
      if (Math.abs(dphiTrial) <= -c2 * dphi0) {
        found = accept(a);
        break;
      }
      if (dphiTrial >= 0) {
        System.arraycopy(gTrial, 0, gLo, 0, gLo.length);
        found = zoom(fx, dphi0, a, phiTrial, dphiTrial, aPrev, fPrev, dPrev);
        break;
      }
      if (evaluations >= maxEvaluations) {
        found = acceptLo(a, phiTrial, true);
        break;
      }
      System.arraycopy(gTrial, 0, gLo, 0, gLo.length);
      aPrev = a;
      fPrev = phiTrial;
      dPrev = dphiTrial;
      a = 2 * a;
    }
    if (found) {
      System.arraycopy(xTrial, 0, xOut, 0, xOut.length);
      System.arraycopy(gTrial, 0, gOut, 0, gOut.length);
    }
    this.f = null;
    this.x = null;
    this.d = null;
    return found;
  }

  /** Algorithm 3.6; {@code gLo} holds the gradient at {@code lo} when {@code lo > 0}. */
  private boolean zoom(double fx, double dphi0, double lo, double fLo, double dLo, double hi,
      double fHi, double dHi) {
    while (evaluations < maxEvaluations
        && Math.abs(hi - lo) > 1e-14 * Math.max(Math.abs(lo), Math.abs(hi))) {
      double aj = trialStep(lo, fLo, dLo, hi, fHi, dHi);
      evaluate(aj);
      if (!Double.isFinite(phiTrial) || !Double.isFinite(dphiTrial)
          || phiTrial > fx + c1 * aj * dphi0 || phiTrial >= fLo) {
        hi = aj;
        fHi = phiTrial;
        dHi = dphiTrial;
      } else {
        if (Math.abs(dphiTrial) <= -c2 * dphi0) {
          return accept(aj);
        }
        if (dphiTrial * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
          dHi = dLo;
        }
        lo = aj;
        fLo = phiTrial;
        dLo = dphiTrial;
        System.arraycopy(gTrial, 0, gLo, 0, gLo.length);
      }
    }
    return acceptLo(lo, fLo, false);
  }

  /**
   * The minimiser of the cubic through {@code (lo, fLo, dLo)} and {@code (hi, fHi, dHi)} (N&amp;W
   * eq. 3.59), kept at least 10 % of the bracket away from either end; the midpoint if the cubic
   * has no minimiser or the values are not finite.
   */
  private static double trialStep(double lo, double fLo, double dLo, double hi, double fHi,
      double dHi) {
    double mid = 0.5 * (lo + hi);
    if (!Double.isFinite(fHi) || !Double.isFinite(dHi)) {
      return mid;
    }
    double d1 = dLo + dHi - 3 * (fLo - fHi) / (lo - hi);
    double rad = d1 * d1 - dLo * dHi;
    if (!(rad >= 0)) {
      return mid;
    }
    double d2 = Math.copySign(Math.sqrt(rad), hi - lo);
    double a = hi - (hi - lo) * (dHi + d2 - d1) / (dHi - dLo + 2 * d2);
    double left = Math.min(lo, hi);
    double width = Math.abs(hi - lo);
    if (!(a >= left + 0.1 * width && a <= left + 0.9 * width)) {
      return mid;
    }
    return a;
  }

  private void evaluate(double a) {
    for (int i = 0; i < xTrial.length; i++) {
      xTrial[i] = x[i] + a * d[i];
    }
    phiTrial = f.evaluate(xTrial, gTrial);
    double s = 0;
    for (int i = 0; i < gTrial.length; i++) {
      s += gTrial[i] * d[i];
    }
    dphiTrial = s;
    evaluations++;
  }

  private boolean accept(double a) {
    alpha = a;
    loss = phiTrial;
    return true;
  }

  /**
   * Falls back to step {@code lo} with loss {@code fLo}; its gradient is {@code gTrial} when
   * {@code atTrial}, else {@code gLo}. Rebuilds {@code xTrial}/{@code gTrial} for the caller's
   * copy.
   */
  private boolean acceptLo(double lo, double fLo, boolean atTrial) {
    if (!(lo > 0)) {
      return false;
    }
    if (!atTrial) {
      for (int i = 0; i < xTrial.length; i++) {
        xTrial[i] = x[i] + lo * d[i];
      }
      System.arraycopy(gLo, 0, gTrial, 0, gTrial.length);
    }
    alpha = lo;
    loss = fLo;
    return true;
  }
}
