package dev.slipstream.gateway;

import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The other modules' public APIs the gateway serves, handed over by the composition root.
 *
 * @param streams the stream directory
 * @param media the media plane (WHIP publishing and WHEP playing), or null when this process does
 *     not run the media role
 * @param healthChecks named dependency checks shown by {@code /healthz}, e.g. database and bus
 * @param system what this process is
 * @param metrics the registry {@code /metrics} renders; the gateway adds its HTTP timers to it
 * @param clock the clock for uptime and response times
 */
public record GatewayServices(
    StreamDirectory streams,
    @Nullable MediaServer media,
    Map<String, Supplier<Health>> healthChecks,
    SystemInfo system,
    PrometheusMeterRegistry metrics,
    InstantSource clock) {
  /** Copies the checks so their order and content are fixed. */
  public GatewayServices {
    healthChecks = Map.copyOf(healthChecks);
  }
}
