/**
 * Checking rendered output in tests: PNG decoding and pixel counts ({@link
 * org.nde4j.testkit.browser.Pixels}), and Debian's headless Chromium for screenshots and the
 * images a page shows ({@link org.nde4j.testkit.browser.HeadlessChromium}).
 */
package org.nde4j.testkit.browser;
