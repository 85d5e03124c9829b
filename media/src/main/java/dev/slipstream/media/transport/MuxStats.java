package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingRefusal;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link MuxCounters}; safe to bump from any thread. */
final class MuxStats {
  private final LongAdder packetsIn = new LongAdder();
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder packetsOut = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder bindingsAccepted = new LongAdder();
  private final LongAdder[] dropped = adders(DropReason.values().length);
  private final LongAdder[] refused = adders(BindingRefusal.values().length);

  void received(int bytes) {
    packetsIn.increment();
    bytesIn.add(bytes);
  }

  void sent(int bytes) {
    packetsOut.increment();
    bytesOut.add(bytes);
  }

  void drop(DropReason reason) {
    dropped[reason.ordinal()].increment();
  }

  void bindingAccepted() {
    bindingsAccepted.increment();
  }

  void bindingRefused(BindingRefusal reason) {
    refused[reason.ordinal()].increment();
  }

  MuxCounters snapshot() {
    Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    for (DropReason r : DropReason.values()) {
      drops.put(r, dropped[r.ordinal()].sum());
    }
    Map<BindingRefusal, Long> refusals = new EnumMap<>(BindingRefusal.class);
    for (BindingRefusal r : BindingRefusal.values()) {
      refusals.put(r, refused[r.ordinal()].sum());
    }
    return new MuxCounters(
        packetsIn.sum(),
        bytesIn.sum(),
        packetsOut.sum(),
        bytesOut.sum(),
        bindingsAccepted.sum(),
        drops,
        refusals);
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] adders = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      adders[i] = new LongAdder();
    }
    return adders;
  }
}
