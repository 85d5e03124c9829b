package dev.slipstream.gateway.ops;

import dev.slipstream.gateway.access.Access;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;

/**
 * {@code GET /api/operator/performance}: each stream's ingest and analytics performance (per-stage
 * ms, frames analysed and dropped) and the process's CPU and heap, as JSON for the operator
 * console's tables and live charts (operators).
 */
public final class PerformanceRoutes {
  private PerformanceRoutes() {}

  /** Registers the route. */
  public static void register(RoutesConfig routes, MeterRegistry meters, InstantSource clock) {
    routes.get(
        "/api/operator/performance",
        ctx -> {
          ctx.header("Cache-Control", "no-store");
          ctx.json(PerformanceSnapshot.read(meters, clock.instant()));
        },
        Access.OPERATOR);
  }
}
