package dev.slipstream.bench.viewers;

import java.util.Locale;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The figures of one step of the load test: N viewers watching for the measured window.
 *
 * @param viewers viewers asked for
 * @param bitrateKbps the source's video bitrate
 * @param joined viewers receiving media at the end of the window
 * @param failed viewers that never joined or failed
 * @param stalled joined viewers that received nothing in the last second of the window
 * @param lossPct packets lost over all viewers in the window, by RTP sequence numbers
 * @param packetsPerSecond packets received per second, all viewers
 * @param megabitsPerSecond plain RTP received per second, all viewers
 * @param srtpFailures packets that failed SRTP authentication in the window
 * @param cpuPct this process's CPU over the window, 100 per busy core
 * @param receiveCpuPct the receive loops' share of it
 * @param machineCpuPct the whole machine's CPU over the window, 100 per busy core, including kernel
 *     packet delivery no process is charged for
 * @param interruptCpuPct the part of it in irq and softirq (packet delivery on loopback)
 * @param othersCpuPct what remains for other processes on the machine: a figure well above zero
 *     means the test shared the cores with something else
 * @param rssMb this process's resident memory at the end
 * @param serverCpuPct a separate server process's CPU, or -1
 * @param serverRssMb its resident memory, or -1
 * @param sfuQueueDrops packets the in-process SFU dropped from full viewer queues in the window, or
 *     -1 for a remote server
 * @param kernelUdpDrops datagrams the kernel dropped for full socket buffers in the window, on the
 *     whole machine, or -1 where unknown
 * @param joinP50Ms median join time (WHEP POST to first decrypted media) of the viewers that joined
 *     in this step
 * @param joinP99Ms their 99th percentile join time
 * @param joinMaxMs their longest join time
 * @param iceMs their POST to ICE success, p50
 * @param dtlsMs their DTLS handshake, p50
 * @param firstFailure one failure reason, or empty
 */
record StepResult(
    int viewers,
    int bitrateKbps,
    long joined,
    long failed,
    long stalled,
    double lossPct,
    double packetsPerSecond,
    double megabitsPerSecond,
    long srtpFailures,
    double cpuPct,
    double receiveCpuPct,
    double machineCpuPct,
    double interruptCpuPct,
    double othersCpuPct,
    long rssMb,
    double serverCpuPct,
    long serverRssMb,
    long sfuQueueDrops,
    long kernelUdpDrops,
    long joinP50Ms,
    long joinP99Ms,
    long joinMaxMs,
    long iceMs,
    long dtlsMs,
    String firstFailure) {

  private static final long STALL_NANOS = 1_000_000_000L;

  /** Computes a step's figures from the samples around its window. */
  static StepResult of(int viewers, int bitrateKbps, int firstNew, Sample start, Sample end) {
    double window = end.nanos() - start.nanos();
    double seconds = window / 1e9;
    long expected = end.expected() - start.expected();
    long received = end.received() - start.received();
    long joined = end.count(ViewerPeer.Phase.RECEIVING);
    long stalled =
        end.viewers().stream()
            .filter(v -> v.phase() == ViewerPeer.Phase.RECEIVING)
            .filter(v -> v.sinceLastPacket() > STALL_NANOS)
            .count();
    long[] join = percentiles(end, firstNew, ViewerFigures::join, 50, 99, 100);
    double cpu = 100.0 * (end.cpuNanos() - start.cpuNanos()) / window;
    double serverCpu =
        end.serverCpuNanos() < 0
            ? -1
            : 100.0 * (end.serverCpuNanos() - start.serverCpuNanos()) / window;
    double machine = end.machine().percentSince(start.machine());
    double interrupts = end.machine().interruptPercentSince(start.machine());
    return new StepResult(
        viewers,
        bitrateKbps,
        joined,
        viewers - joined,
        stalled,
        expected == 0 ? 100.0 : 100.0 * Math.max(0, expected - received) / expected,
        received / seconds,
        (end.bytes() - start.bytes()) * 8 / seconds / 1e6,
        end.srtpFailures() - start.srtpFailures(),
        cpu,
        100.0 * (end.receiveCpuNanos() - start.receiveCpuNanos()) / window,
        machine,
        interrupts,
        machine < 0 ? -1 : Math.max(0, machine - interrupts - cpu - Math.max(0, serverCpu)),
        end.rssBytes() >> 20,
        serverCpu,
        end.serverRssBytes() < 0 ? -1 : end.serverRssBytes() >> 20,
        end.server().known() ? end.server().queueDrops() - start.server().queueDrops() : -1,
        end.kernelUdpDrops() < 0 ? -1 : end.kernelUdpDrops() - start.kernelUdpDrops(),
        join[0],
        join[1],
        join[2],
        percentiles(end, firstNew, ViewerFigures::ice, 50)[0],
        percentiles(end, firstNew, ViewerFigures::dtls, 50)[0],
        end.viewers().stream()
            .map(ViewerFigures::failure)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(""));
  }

  /** Returns nearest-rank percentiles in milliseconds of the viewers numbered from firstNew. */
  private static long[] percentiles(
      Sample sample, int firstNew, ToLongFunction<ViewerFigures> nanos, int... ranks) {
    long[] values =
        sample.viewers().stream()
            .filter(v -> v.index() >= firstNew)
            .mapToLong(nanos)
            .filter(n -> n >= 0)
            .sorted()
            .toArray();
    long[] result = new long[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      if (values.length == 0) {
        result[i] = -1;
      } else {
        int at = (int) Math.ceil(ranks[i] / 100.0 * values.length) - 1;
        result[i] = values[Math.max(0, at)] / 1_000_000L;
      }
    }
    return result;
  }

  /** Returns whether the step held: under 1 % loss, every viewer joined, none stalled. */
  boolean sustained() {
    return lossPct < 1.0 && failed == 0 && stalled == 0;
  }

  /** Returns the step's line. */
  String line() {
    StringBuilder s = new StringBuilder("viewers step:");
    s.append(" viewers=").append(viewers);
    s.append(" joined=").append(joined);
    s.append(" failed=").append(failed);
    s.append(" stalled=").append(stalled);
    s.append(" loss_pct=").append(fixed(lossPct));
    s.append(" kpps=").append(String.format(Locale.ROOT, "%.1f", packetsPerSecond / 1_000));
    s.append(" mbps=").append(String.format(Locale.ROOT, "%.0f", megabitsPerSecond));
    s.append(" srtp_failures=").append(srtpFailures);
    s.append(" cpu_pct=").append(Math.round(cpuPct));
    s.append(" client_rx_cpu_pct=").append(Math.round(receiveCpuPct));
    s.append(" machine_cpu_pct=").append(Math.round(machineCpuPct));
    s.append(" softirq_cpu_pct=").append(Math.round(interruptCpuPct));
    s.append(" others_cpu_pct=").append(Math.round(othersCpuPct));
    s.append(" rss_mb=").append(rssMb);
    if (serverCpuPct >= 0) {
      s.append(" server_cpu_pct=").append(Math.round(serverCpuPct));
      s.append(" server_rss_mb=").append(serverRssMb);
    }
    if (sfuQueueDrops >= 0) {
      s.append(" sfu_queue_drops=").append(sfuQueueDrops);
    }
    if (kernelUdpDrops >= 0) {
      s.append(" kernel_udp_drops=").append(kernelUdpDrops);
    }
    s.append(" join_ms(p50/p99/max)=")
        .append(joinP50Ms)
        .append('/')
        .append(joinP99Ms)
        .append('/')
        .append(joinMaxMs);
    s.append(" ice_p50_ms=").append(iceMs);
    s.append(" dtls_p50_ms=").append(dtlsMs);
    s.append(" sustained=").append(sustained());
    if (!firstFailure.isEmpty()) {
      s.append("\n  first failure: ").append(firstFailure);
    }
    return s.toString();
  }

  /**
   * Returns the one summary line. CPU and memory are the separate server's when it was measured,
   * else this process's.
   */
  String summary() {
    double cpu = serverCpuPct >= 0 ? serverCpuPct : cpuPct;
    long rss = serverCpuPct >= 0 ? serverRssMb : rssMb;
    return String.format(
        Locale.ROOT,
        "viewers: viewers=%d bitrate_kbps=%d loss_pct=%s cpu_pct=%d rss_mb=%d p50_join_ms=%d"
            + " sustained=%b",
        viewers,
        bitrateKbps,
        fixed(lossPct),
        Math.round(cpu),
        rss,
        joinP50Ms,
        sustained());
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
