package dev.slipstream.bench.viewers;

/**
 * What one viewer received from one SSRC, by extended RTP sequence number (RFC 3550 A.1): packets
 * and bytes received, and how many were expected from the first to the highest number seen. Loss is
 * expected minus received; a duplicate counts as received, so loss can read low, never high.
 *
 * <p>Not thread-safe: the viewer's receive loop owns it.
 */
final class SsrcReception {
  private static final int MAX_DROPOUT = 3_000;

  private final long ssrc;
  private boolean started;
  private int highest;
  private long cycles;
  private long first;
  private long received;
  private long bytes;
  private long expectedAtLastReport;
  private long receivedAtLastReport;

  SsrcReception(long ssrc) {
    this.ssrc = ssrc;
  }

  long ssrc() {
    return ssrc;
  }

  /** Counts a packet with sequence number {@code sequence} and {@code length} plain bytes. */
  void onPacket(int sequence, int length) {
    received++;
    bytes += length;
    if (!started) {
      started = true;
      highest = sequence;
      first = sequence;
      return;
    }
    int ahead = (sequence - highest) & 0xFFFF;
    if (ahead != 0 && ahead < MAX_DROPOUT) {
      if (sequence < highest) {
        cycles += 0x1_0000;
      }
      highest = sequence;
    }
    // Otherwise a duplicate, a late packet filling a gap, or a jump too large to be loss: counted
    // as received without moving the highest number.
  }

  /** Returns the extended highest sequence number (cycles in the high bits). */
  long extendedHighest() {
    return cycles + highest;
  }

  /** Returns how many packets the numbers say were sent since the first one received. */
  long expected() {
    return started ? extendedHighest() - first + 1 : 0;
  }

  long received() {
    return received;
  }

  long bytes() {
    return bytes;
  }

  /** Returns the fraction lost since the previous call, in 1/256ths, as a report block wants. */
  int fractionLostSinceLastReport() {
    long expectedInterval = expected() - expectedAtLastReport;
    long receivedInterval = received - receivedAtLastReport;
    expectedAtLastReport = expected();
    receivedAtLastReport = received;
    long lost = expectedInterval - receivedInterval;
    return expectedInterval <= 0 || lost <= 0
        ? 0
        : (int) Math.min(255, (lost << 8) / expectedInterval);
  }
}
