package dev.slipstream.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every HTTP request into {@code http.server.requests}, tagged by method, matched route
 * (never the raw path, so ids do not explode the series) and status.
 */
public final class RequestMetrics {
  private static final String STARTED = "slipstream.request.started";

  private RequestMetrics() {}

  /** Installs the before/after handlers that time requests into {@code registry}. */
  public static void install(RoutesConfig routes, MeterRegistry registry) {
    routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
    routes.after(ctx -> record(ctx, registry));
  }

  private static void record(Context ctx, MeterRegistry registry) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    Timer.builder("http.server.requests")
        .description("HTTP requests served by the gateway")
        .tag("method", ctx.method().name())
        .tag("route", route(ctx))
        .tag("status", Integer.toString(ctx.statusCode()))
        .publishPercentileHistogram()
        .register(registry)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /** The matched route pattern; static files and misses get fixed names. */
  private static String route(Context ctx) {
    var endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    return ctx.statusCode() < 400 ? "static" : "unmatched";
  }
}
