package dev.slipstream.gateway.ops;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.platform.Health;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: runs every dependency check and answers 200 when all are up, 503 when any
 * is down, with each check's detail either way (load balancers read the status, people read the
 * details).
 */
public final class HealthRoutes {
  private HealthRoutes() {}

  /** The body of a health answer. */
  record HealthReport(String status, Map<String, Health> checks) {}

  /** Registers the route. */
  public static void register(RoutesConfig routes, Map<String, Supplier<Health>> checks) {
    Map<String, Supplier<Health>> ordered = new TreeMap<>(checks);
    routes.get(
        "/healthz",
        ctx -> {
          Map<String, Health> results = new LinkedHashMap<>();
          ordered.forEach((name, check) -> results.put(name, run(check)));
          boolean up = results.values().stream().allMatch(Health::up);
          ctx.header("Cache-Control", "no-store");
          ctx.status(up ? 200 : 503).json(new HealthReport(up ? "UP" : "DOWN", results));
        },
        Access.ANYONE);
  }

  private static Health run(Supplier<Health> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return Health.down("the check itself failed: " + e);
    }
  }
}
