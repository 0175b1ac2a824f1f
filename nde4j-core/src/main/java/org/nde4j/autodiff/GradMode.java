package org.nde4j.autodiff;

/**
 * Per-thread switch for tape recording. Recording is on by default; {@link #off()} turns it off
 * for a scope (inference, optimiser updates, backward passes without {@code createGraph}).
 *
 * <pre>{@code try (GradMode.Scope s = GradMode.off()) { ... } }</pre>
 */
public final class GradMode {
  private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

  private GradMode() {}

  /** Whether ops on tensors that require gradients are recorded on this thread. */
  public static boolean isEnabled() {
    return ENABLED.get()[0];
  }

  /** Turns recording off until the returned scope is closed. */
  public static Scope off() {
    return set(false);
  }

  /** Turns recording on until the returned scope is closed. */
  public static Scope on() {
    return set(true);
  }

  /** Sets recording to {@code enabled} until the returned scope is closed. */
  public static Scope set(boolean enabled) {
    boolean[] cell = ENABLED.get();
    boolean prev = cell[0];
    cell[0] = enabled;
    return () -> cell[0] = prev;
  }

  /** Restores the previous mode on close. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
