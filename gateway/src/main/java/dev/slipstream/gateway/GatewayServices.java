package dev.slipstream.gateway;

import dev.slipstream.gateway.auth.AuthServices;
import dev.slipstream.gateway.live.LiveServices;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import dev.slipstream.vision.view.StreamViews;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
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
 * @param clock the clock for uptime, response times and token lifetimes
 * @param auth accounts, sessions and stream access; null serves no accounts, and then every route
 *     that needs a signed-in caller refuses everyone
 * @param random cryptographically strong randomness for session cookies' CSRF tokens
 * @param live the bus, bets and wallets behind the live socket ({@code /api/live}) and {@code
 *     /api/wallet}; null serves neither
 * @param money wallets, payments, limits, fraud signals and the audit log behind the money routes;
 *     null serves none of them
 * @param views each stream's calibration and zones behind {@code /api/streams/{id}/calibration};
 *     null serves no such route
 * @param markets markets, bets, evidence and operators' market actions behind the market routes;
 *     null serves none of them
 */
public record GatewayServices(
    StreamDirectory streams,
    @Nullable MediaServer media,
    Map<String, Supplier<Health>> healthChecks,
    SystemInfo system,
    PrometheusMeterRegistry metrics,
    InstantSource clock,
    @Nullable AuthServices auth,
    RandomGenerator random,
    @Nullable LiveServices live,
    @Nullable MoneyServices money,
    @Nullable StreamViews views,
    @Nullable MarketService markets) {
  /** Copies the checks so their order and content are fixed. */
  public GatewayServices {
    healthChecks = Map.copyOf(healthChecks);
    Objects.requireNonNull(random, "random");
  }

  /** Services without the market routes. */
  public GatewayServices(
      StreamDirectory streams,
      @Nullable MediaServer media,
      Map<String, Supplier<Health>> healthChecks,
      SystemInfo system,
      PrometheusMeterRegistry metrics,
      InstantSource clock,
      @Nullable AuthServices auth,
      RandomGenerator random,
      @Nullable LiveServices live,
      @Nullable MoneyServices money,
      @Nullable StreamViews views) {
    this(
        streams,
        media,
        healthChecks,
        system,
        metrics,
        clock,
        auth,
        random,
        live,
        money,
        views,
        null);
  }

  /** Services without the live socket. */
  public GatewayServices(
      StreamDirectory streams,
      @Nullable MediaServer media,
      Map<String, Supplier<Health>> healthChecks,
      SystemInfo system,
      PrometheusMeterRegistry metrics,
      InstantSource clock,
      @Nullable AuthServices auth,
      RandomGenerator random) {
    this(
        streams, media, healthChecks, system, metrics, clock, auth, random, null, null, null, null);
  }

  /** Returns these services with the live socket served from {@code live}. */
  public GatewayServices withLive(LiveServices live) {
    return new GatewayServices(
        streams,
        media,
        healthChecks,
        system,
        metrics,
        clock,
        auth,
        random,
        live,
        money,
        views,
        markets);
  }

  /** Returns these services with the money routes served from {@code money}. */
  public GatewayServices withMoney(MoneyServices money) {
    return new GatewayServices(
        streams,
        media,
        healthChecks,
        system,
        metrics,
        clock,
        auth,
        random,
        live,
        money,
        views,
        markets);
  }

  /** Returns these services with streams' calibrations and zones kept in {@code views}. */
  public GatewayServices withViews(StreamViews views) {
    return new GatewayServices(
        streams,
        media,
        healthChecks,
        system,
        metrics,
        clock,
        auth,
        random,
        live,
        money,
        views,
        markets);
  }

  /** Returns these services with the market and bet routes served from {@code markets}. */
  public GatewayServices withMarkets(MarketService markets) {
    return new GatewayServices(
        streams,
        media,
        healthChecks,
        system,
        metrics,
        clock,
        auth,
        random,
        live,
        money,
        views,
        markets);
  }

  /**
   * Services without accounts: routes open to anyone work, every other route refuses (for tools
   * such as the viewer load test that only watch).
   */
  public GatewayServices(
      StreamDirectory streams,
      @Nullable MediaServer media,
      Map<String, Supplier<Health>> healthChecks,
      SystemInfo system,
      PrometheusMeterRegistry metrics,
      InstantSource clock) {
    this(
        streams,
        media,
        healthChecks,
        system,
        metrics,
        clock,
        null,
        new SecureRandom(),
        null,
        null,
        null,
        null);
  }
}
