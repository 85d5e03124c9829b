package dev.slipstream.gateway.ops;

import dev.slipstream.gateway.SystemInfo;
import dev.slipstream.gateway.access.Access;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** {@code GET /api/system}: what this process is and how long it has been up (operators). */
public final class SystemRoutes {
  private SystemRoutes() {}

  /** The body of the answer. */
  record SystemView(
      String version,
      Instant startedAt,
      long uptimeSeconds,
      List<String> roles,
      String database,
      String bus) {}

  /** Registers the route. */
  public static void register(RoutesConfig routes, SystemInfo system, InstantSource clock) {
    routes.get(
        "/api/system",
        ctx ->
            ctx.json(
                new SystemView(
                    system.version(),
                    system.startedAt(),
                    Duration.between(system.startedAt(), clock.instant()).toSeconds(),
                    system.roles(),
                    system.database(),
                    system.bus())),
        Access.OPERATOR);
  }
}
