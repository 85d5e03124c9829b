package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingRefusal;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Publishes a mux's counters as Micrometer function counters, read from {@link IceMux#counters()}
 * whenever the registry is scraped.
 *
 * <p>Meters, each tagged {@code transport} (e.g. {@code udp}, {@code tcp}): {@code
 * slipstream.media.mux.packets} and {@code slipstream.media.mux.bytes} by {@code direction} ({@code
 * in}, {@code out}); {@code slipstream.media.mux.dropped} by {@code reason} (a {@link DropReason}
 * in lower case); {@code slipstream.media.mux.bindings} by {@code result} ({@code accepted} or a
 * {@link BindingRefusal} in lower case).
 */
public final class MuxMeters {
  private MuxMeters() {}

  /** Registers the meters of {@code mux} in {@code registry}, tagged {@code transport}. */
  public static void bind(MeterRegistry registry, String transport, IceMux mux) {
    Tags base = Tags.of("transport", transport);
    counter(registry, "packets", base.and("direction", "in"), mux, MuxCounters::packetsIn);
    counter(registry, "packets", base.and("direction", "out"), mux, MuxCounters::packetsOut);
    counter(registry, "bytes", base.and("direction", "in"), mux, MuxCounters::bytesIn);
    counter(registry, "bytes", base.and("direction", "out"), mux, MuxCounters::bytesOut);
    counter(
        registry, "bindings", base.and("result", "accepted"), mux, MuxCounters::bindingsAccepted);
    for (BindingRefusal r : BindingRefusal.values()) {
      counter(registry, "bindings", base.and("result", lower(r)), mux, c -> c.bindingsRefused(r));
    }
    for (DropReason r : DropReason.values()) {
      counter(registry, "dropped", base.and("reason", lower(r)), mux, c -> c.dropped(r));
    }
  }

  private static void counter(
      MeterRegistry registry,
      String name,
      Tags tags,
      IceMux mux,
      ToLongFunction<MuxCounters> value) {
    FunctionCounter.builder(
            "slipstream.media.mux." + name, mux, m -> value.applyAsLong(m.counters()))
        .tags(tags)
        .register(registry);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
