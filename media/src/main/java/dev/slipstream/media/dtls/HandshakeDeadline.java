package dev.slipstream.media.dtls;

import java.time.Duration;

/**
 * When one handshake must have finished, counted from {@link DtlsEndpoint#accept} or {@link
 * DtlsEndpoint#connect} on the monotonic clock. A client session spends part of it waiting for ICE
 * and gives BouncyCastle only what is left, so the whole wait stays within {@link
 * DtlsSettings#handshakeTimeout()} in either role.
 */
final class HandshakeDeadline {
  private final Duration total;
  private final long endNanos;

  private HandshakeDeadline(Duration total, long endNanos) {
    this.total = total;
    this.endNanos = endNanos;
  }

  /** Returns the deadline {@code total} from now. */
  static HandshakeDeadline after(Duration total) {
    // Monotonic on purpose: BouncyCastle's retransmission timers are too, and a wall-clock step
    // must not cut a handshake short.
    return new HandshakeDeadline(total, System.nanoTime() + total.toNanos());
  }

  /** Returns the whole time allowed, for messages. */
  long totalMillis() {
    return total.toMillis();
  }

  /** Returns the nanoseconds left, never negative. */
  long remainingNanos() {
    return Math.max(0, endNanos - System.nanoTime());
  }

  /**
   * Returns the milliseconds left for BouncyCastle's handshake timeout: at least 1, because it
   * reads 0 as "wait forever".
   */
  int remainingMillis() {
    return (int) Math.clamp(remainingNanos() / 1_000_000, 1, Integer.MAX_VALUE);
  }
}
