package dev.slipstream.bench.viewers;

import dev.slipstream.bench.MachineCpu;
import java.util.List;

/**
 * Everything measured at one instant of a step; the step's figures are the differences between the
 * sample at the start of its window and the one at the end.
 *
 * @param nanos when, on the monotonic clock
 * @param viewers every viewer's cumulative figures
 * @param cpuNanos this process's CPU time so far
 * @param receiveCpuNanos the viewers' receive loops' CPU time so far
 * @param rssBytes this process's resident memory
 * @param server the in-process node's counters
 * @param serverCpuNanos the separate server's CPU time so far, or -1 when not measured
 * @param serverRssBytes the separate server's resident memory, or -1
 * @param kernelUdpDrops the machine's UDP buffer drops so far, or -1
 * @param machine the whole machine's CPU counters
 */
record Sample(
    long nanos,
    List<ViewerFigures> viewers,
    long cpuNanos,
    long receiveCpuNanos,
    long rssBytes,
    ServerFigures server,
    long serverCpuNanos,
    long serverRssBytes,
    long kernelUdpDrops,
    MachineCpu machine) {

  /** Copies the list. */
  Sample {
    viewers = List.copyOf(viewers);
  }

  long expected() {
    return viewers.stream().mapToLong(ViewerFigures::expected).sum();
  }

  long received() {
    return viewers.stream().mapToLong(ViewerFigures::received).sum();
  }

  long bytes() {
    return viewers.stream().mapToLong(ViewerFigures::bytes).sum();
  }

  long srtpFailures() {
    return viewers.stream().mapToLong(ViewerFigures::srtpFailures).sum();
  }

  long count(ViewerPeer.Phase phase) {
    return viewers.stream().filter(v -> v.phase() == phase).count();
  }
}
