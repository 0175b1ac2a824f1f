package org.nde4j.solve.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.nde4j.solve.adjoint.DiscreteAdjointTest.assertClose;
import static org.nde4j.solve.adjoint.DiscreteAdjointTest.central;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nde4j.solve.event.Direction;
import org.nde4j.solve.integrate.Status;
import org.nde4j.solve.solver.rk.Dopri5;
import org.nde4j.solve.solver.rk.Tsit5;
import org.nde4j.solve.stepsize.PidController;
import org.nde4j.solve.term.DifferentiableTerm;
import org.nde4j.tensor.Tensor;
import org.nde4j.tensor.TensorFn;
import org.nde4j.testkit.problems.BouncingBall;

/**
 * Gradients of a terminal event's time and states against closed forms (the falling ball) and
 * central finite differences of the forward solve (Lotka–Volterra with a time-dependent event),
 * for the discrete adjoint, checkpointing and forward mode.
 */
class EventGradientTest {
  private static final double G = 9.81;
  private static final double E = 0.8;
  private static final double H0 = 10;
  private static final List<Adjoint> ADJOINTS = List.of(Adjoint.discrete(),
      Adjoint.checkpointed(3), Adjoint.forwardMode(), Adjoint.forwardMode(false));

  /** Free fall {@code (x, v)' = (v, −θ0)}: θ = (g). */
  private static final TensorFn FALL = in -> new Tensor[] {
      Tensor.concat(0, in[1].slice(0, 1, 2), in[2].slice(0, 0, 1).neg())};

  /** The bounce {@code (x, v) ↦ (x, −e v)}. */
  private static final TensorFn BOUNCE = in -> new Tensor[] {
      Tensor.concat(0, in[1].slice(0, 0, 1), in[1].slice(0, 1, 2).mul(-E))};

  /** The height, with its gradient written by hand. */
  private static final DifferentiableEvent HEIGHT = DifferentiableEvent.of((t, y) -> y[0],
      (t, y, gy) -> {
        gy[0] = 1;
        gy[1] = 0;
        return 0;
      });

  private static EventRecording fall(Adjoint adjoint, double h0, double g, double t0) {
    return GradientSolve.of(DifferentiableTerm.of(FALL, 2, 1), new Tsit5(), t0, t0 + 10,
        new double[] {h0, 0}, new double[] {g}).controller(PidController.of(1e-10, 1e-10))
        .event(HEIGHT, Direction.FALLING, BOUNCE).adjoint(adjoint).forwardToEvent();
  }

  /**
   * Issue 5's acceptance test: d(first bounce time)/d(initial height) = 1/√(2 g h0), analytically
   * and by finite differences; with it the derivatives of t* with respect to g and t0, and those
   * of the velocity before and after the bounce.
   */
  @Test
  void bouncingBallFirstBounceTime() {
    BouncingBall ball = new BouncingBall(G, E, H0, 0);
    double tStar = ball.bounceTimes(1)[0];
    double speed = Math.sqrt(2 * G * H0);
    for (Adjoint adjoint : ADJOINTS) {
      String a = adjoint.name();
      EventRecording r = fall(adjoint, H0, G, 0);
      assertThat(r.status()).as(a).isEqualTo(Status.EVENT);
      assertClose(r.eventTime(), tStar, 1e-12, a + ": t*");
      assertClose(r.eventState()[1], -speed, 1e-12, a + ": v−");
      assertClose(r.eventStateAfterReset()[1], E * speed, 1e-12, a + ": v+");
      // The only saved state would be at t1 = 10, after the bounce: not reached.
      assertThat(r.ys()[0]).as(a).isNull();

      Gradients dt = r.backward(new double[1][], 1, null, null);
      double fd = central(d -> fall(adjoint, H0 + d, G, 0).eventTime(), 1e-5);
      assertClose(dt.y0()[0], 1 / speed, 1e-10, a + ": dt*/dh0 analytic");
      assertClose(dt.y0()[0], fd, 1e-6, a + ": dt*/dh0 by differences");
      assertClose(dt.y0()[1], 1 / G, 1e-10, a + ": dt*/dv0");
      assertClose(dt.theta()[0], -tStar / (2 * G), 1e-10, a + ": dt*/dg");
      assertClose(dt.t0(), 1, 1e-10, a + ": dt*/dt0");
      assertClose(dt.t0(), central(d -> fall(adjoint, H0, G, d).eventTime(), 1e-5), 1e-6,
          a + ": dt*/dt0 by differences");
      assertThat(dt.t1()).as(a).isZero();

      // v− = −√(2 g h0), v+ = e √(2 g h0); x− = 0 whatever h0, so its derivative is 0.
      Gradients dv = r.backward(new double[1][], 0, new double[] {0, 1}, null);
      assertClose(dv.y0()[0], -G / speed, 1e-10, a + ": dv−/dh0");
      Gradients dx = r.backward(new double[1][], 0, new double[] {1, 0}, null);
      assertClose(dx.y0()[0], 0, 1e-10, a + ": dx−/dh0");
      Gradients dvPlus = r.backward(new double[1][], 0, null, new double[] {0, 1});
      assertClose(dvPlus.y0()[0], E * G / speed, 1e-10, a + ": dv+/dh0");
      assertClose(dvPlus.theta()[0], E * H0 / speed, 1e-10, a + ": dv+/dg");
    }
  }

  /** Lotka–Volterra until the prey first rises through {@code 3 + t/10}. */
  private static final TensorFn PREY_THRESHOLD = in -> new Tensor[] {
      in[1].slice(0, 0, 1).sub(in[0].mul(0.1)).sub(3.0)};

  private static EventRecording lotkaVolterra(Adjoint adjoint, double[][] in) {
    DifferentiableTerm term = DifferentiableTerm.of(GradFields.lotkaVolterra(), 2, 4);
    return GradientSolve.of(term, new Dopri5(), in[0][0], 20, in[1], in[2]).saveAt(1.0, 19.0)
        .controller(PidController.of(1e-12, 1e-12)).maxSteps(1_000_000)
        .event(DifferentiableEvent.of(PREY_THRESHOLD, 2), Direction.RISING).adjoint(adjoint)
        .forwardToEvent();
  }

  /** L = c·Y(1) + τ t* + a·y(t*): every gradient against central differences of L. */
  @Test
  void lotkaVolterraEventMatchesFiniteDifferences() {
    double[][] base = {{0.0}, {1.0, 1.0}, {1.5, 1.0, 1.0, 3.0}};
    double[][] c = {{0.3, -0.2}, null};
    double tau = 0.7;
    double[] a = {-0.4, 0.9};
    for (Adjoint adjoint : ADJOINTS) {
      String name = adjoint.name();
      EventRecording r = lotkaVolterra(adjoint, base);
      assertThat(r.status()).as(name).isEqualTo(Status.EVENT);
      assertThat(r.eventTime()).as(name).isBetween(1.0, 19.0);
      assertThat(r.ys()[1]).as(name).isNull();
      double[] ys = r.eventState();
      assertClose(ys[0], 3 + 0.1 * r.eventTime(), 1e-9, name + ": g(t*, y*) = 0");
      Gradients g = r.backward(c, tau, a, null);
      for (int slot = 0; slot < 3; slot++) {
        double[] grad = slot == 0 ? new double[] {g.t0()} : slot == 1 ? g.y0() : g.theta();
        for (int i = 0; i < base[slot].length; i++) {
          final int s = slot;
          final int k = i;
          double fd = central(d -> {
            double[][] in = DiscreteAdjointTest.copy(base);
            in[s][k] += d;
            EventRecording q = lotkaVolterra(adjoint, in);
            double[] y1 = q.ys()[0];
            double[] yStar = q.eventState();
            return c[0][0] * y1[0] + c[0][1] * y1[1] + tau * q.eventTime() + a[0] * yStar[0]
                + a[1] * yStar[1];
          }, 1e-5);
          assertClose(grad[i], fd, 1e-6, name + ": slot " + s + " [" + k + "]");
        }
      }
    }
  }

  @Test
  void anEventThatDoesNotHappenHasNoGradient() {
    EventRecording r = GradientSolve.of(DifferentiableTerm.of(FALL, 2, 1), new Tsit5(), 0, 0.5,
        new double[] {H0, 0}, new double[] {G}).event(HEIGHT, Direction.FALLING)
        .adjoint(Adjoint.discrete()).forwardToEvent();
    assertThat(r.status()).isEqualTo(Status.SUCCESS);
    assertThat(r.eventTime()).isNaN();
    assertThat(r.eventState()).isNull();
    assertThat(r.backward(new double[][] {{1, 0}}).y0()[0]).isEqualTo(1.0, within(1e-12));
    assertThatThrownBy(() -> r.backward(new double[][] {{1, 0}}, 1, null, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not happen");
  }

  @Test
  void badEventInputIsRejected() {
    Adjoint custom = new Adjoint() {
      @Override
      public String name() {
        return "custom";
      }

      @Override
      public Recording forward(GradientSolve problem) {
        throw new AssertionError("must not run");
      }
    };
    GradientSolve p = GradientSolve.of(DifferentiableTerm.of(FALL, 2, 1), new Tsit5(), 0, 10,
        new double[] {H0, 0}, new double[] {G}).event(HEIGHT, Direction.FALLING).adjoint(custom);
    assertThatThrownBy(p::forward).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("custom").hasMessageContaining("forwardMode()");
    GradientSolve noEvent = GradientSolve.of(DifferentiableTerm.of(FALL, 2, 1), new Tsit5(), 0,
        10, new double[] {H0, 0}, new double[] {G});
    assertThatThrownBy(noEvent::forwardToEvent).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("event(g, direction)");
    EventRecording noReset = p.adjoint(Adjoint.discrete()).forwardToEvent();
    assertThatThrownBy(() -> noReset.backward(new double[1][], 0, null, new double[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no reset");
  }
}
