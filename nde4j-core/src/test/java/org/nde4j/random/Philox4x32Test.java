package org.nde4j.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Known-answer tests for Philox4x32-10.
 *
 * <p>The vectors are the three {@code philox4x32 10} lines (27–29) of {@code tests/kat_vectors} in
 * the Random123 distribution by D. E. Shaw Research,
 * https://github.com/DEShawResearch/random123, commit 9545ff6413f258be2f04c1d319d99aaef7521150.
 * Column layout there: name, rounds, CTR (4 words), KEY (2 words), EXPECTED (4 words):
 * <pre>
 * philox4x32 10 00000000 00000000 00000000 00000000 00000000 00000000   6627e8d5 e169c58d bc57ac4c 9b00dbd8
 * philox4x32 10 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   408f276d 41c83b0e a20bc7c6 6d5451fd
 * philox4x32 10 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   d16cfe09 94fdcceb 5001e420 24126ea1
 * </pre>
 * (The third uses the leading hexadecimal digits of pi as counter and key.)
 */
class Philox4x32Test {

  private static int[] block(int c0, int c1, int c2, int c3, int k0, int k1) {
    int[] out = new int[4];
    Philox4x32.block(c0, c1, c2, c3, k0, k1, out);
    return out;
  }

  @Test
  void zeroCounterAndKey() {
    assertThat(block(0, 0, 0, 0, 0, 0))
        .containsExactly(0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8);
  }

  @Test
  void allOnesCounterAndKey() {
    assertThat(block(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff))
        .containsExactly(0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd);
  }

  @Test
  void piDigitsCounterAndKey() {
    assertThat(block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0))
        .containsExactly(0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1);
  }

  @Test
  void tenRounds() {
    // The KATs above are for R = 10; a different round count would still "look random".
    assertThat(Philox4x32.ROUNDS).isEqualTo(10);
  }
}
