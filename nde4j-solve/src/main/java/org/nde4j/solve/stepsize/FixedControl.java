package org.nde4j.solve.stepsize;

/** Common parts of the non-adaptive step controls. */
abstract class FixedControl implements StepControl {
  @Override
  public ErrorNorm norm() {
    return null;
  }

  @Override
  public boolean endedOnJump() {
    return false;
  }

  @Override
  public long evaluations() {
    return 0;
  }
}
