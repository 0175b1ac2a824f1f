package org.nde4j.cli;

/** Placeholder entry until the CLI lands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("nde4j");
  }
}
