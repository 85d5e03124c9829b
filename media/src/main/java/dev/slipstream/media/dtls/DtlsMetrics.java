package dev.slipstream.media.dtls;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** The endpoint's counters, registered once so the packet path only increments. */
final class DtlsMetrics {
  private final Counter established;
  private final Map<DtlsFailure, Counter> failed = new EnumMap<>(DtlsFailure.class);
  private final Counter dropped;

  DtlsMetrics(MeterRegistry registry) {
    established = handshakes(registry, "established");
    for (DtlsFailure f : DtlsFailure.values()) {
      failed.put(f, handshakes(registry, f.tag()));
    }
    dropped =
        Counter.builder("slipstream.dtls.datagrams.dropped")
            .description("DTLS datagrams dropped because a session's queue was full")
            .register(registry);
  }

  void count(DtlsOutcome outcome) {
    switch (outcome) {
      case DtlsOutcome.Established e -> established.increment();
      case DtlsOutcome.Failed f -> failed.get(f.reason()).increment();
    }
  }

  void droppedDatagram() {
    dropped.increment();
  }

  private static Counter handshakes(MeterRegistry registry, String outcome) {
    return Counter.builder("slipstream.dtls.handshakes")
        .description("DTLS handshakes finished, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
