package dev.slipstream.bench.fanout;

import dev.slipstream.wire.v1.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * What one subscriber received: latency of each update (receive time less the publisher's send
 * time, both from this machine's clock), and whether the sequence ever skipped or went back.
 */
final class Reception {
  private final Clock clock;
  private final Histogram latencyMicros;
  private final int warmup;
  long received;
  long lastSequence;
  long gaps;
  long reordered;
  long resyncs;

  Reception(Clock clock, Histogram latencyMicros, int warmup) {
    this.clock = clock;
    this.latencyMicros = latencyMicros;
    this.warmup = warmup;
  }

  void accept(ServerMessage message) {
    if (message.hasSubscribed()) {
      if (received > 0) {
        resyncs++;
      }
      return;
    }
    if (!message.hasMarketUpdate()) {
      return;
    }
    Instant now = clock.instant();
    long nowMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    long sequence = message.getMarketUpdate().getPriceVersion();
    if (sequence <= lastSequence) {
      reordered++;
    } else if (sequence != lastSequence + 1) {
      gaps += sequence - lastSequence - 1;
    }
    lastSequence = Math.max(lastSequence, sequence);
    received++;
    if (sequence > warmup) {
      latencyMicros.recordValue(
          Math.max(0, nowMicros - message.getMarketUpdate().getPublishedAtUnixUs()));
    }
  }
}
