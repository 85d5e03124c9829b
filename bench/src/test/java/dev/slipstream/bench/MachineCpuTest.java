package dev.slipstream.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineCpuTest {
  @Test
  void twoReadingsSeeTheMachinesBusyTimeAndContextSwitchesGrow() throws InterruptedException {
    MachineCpu before = MachineCpu.now();
    long spinUntil = System.nanoTime() + 50_000_000L;
    long sum = 0;
    while (System.nanoTime() < spinUntil) {
      sum += System.nanoTime() % 7; // 50 ms of CPU: at least a few ticks of 10 ms
    }
    for (int i = 0; i < 20; i++) {
      Thread.sleep(1); // each sleep switches this thread out and back in
    }
    MachineCpu after = MachineCpu.now();

    assertThat(sum).isNotNegative();
    assertThat(after.contextSwitchesSince(before)).isGreaterThanOrEqualTo(20);
    assertThat(after.busyMicrosSince(before)).isGreaterThanOrEqualTo(10_000);
    assertThat(after.percentSince(before))
        .isBetween(0.0, 100.0 * Runtime.getRuntime().availableProcessors());
  }
}
