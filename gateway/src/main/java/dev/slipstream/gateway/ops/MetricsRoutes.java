package dev.slipstream.gateway.ops;

import dev.slipstream.gateway.access.Access;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: every meter of the process in the Prometheus text format (operators). */
public final class MetricsRoutes {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsRoutes() {}

  /** Registers the route. */
  public static void register(RoutesConfig routes, PrometheusMeterRegistry registry) {
    routes.get(
        "/metrics",
        ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()),
        Access.OPERATOR);
  }
}
