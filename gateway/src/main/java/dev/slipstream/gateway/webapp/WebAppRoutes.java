package dev.slipstream.gateway.webapp;

import dev.slipstream.gateway.http.Problem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves the browser app packaged under the classpath folder {@code web/}: its hashed assets with
 * long caching, and {@code index.html} for every other page path so client-side routes such as
 * {@code /operator} load the app. Paths under {@code /api/} never fall back to the app.
 */
public final class WebAppRoutes {
  private static final String ROOT = "/web";

  private WebAppRoutes() {}

  /** Registers static files and the page fallback. */
  public static void register(JavalinConfig config) {
    Optional<String> index = readIndex();
    if (index.isPresent()) {
      config.staticFiles.add(
          files -> {
            files.hostedPath = "/";
            files.directory = ROOT;
            files.location = Location.CLASSPATH;
            files.headers = java.util.Map.of("Cache-Control", "no-cache");
          });
      config.staticFiles.add(
          files -> {
            files.hostedPath = "/assets";
            files.directory = ROOT + "/assets";
            files.location = Location.CLASSPATH;
            files.headers =
                java.util.Map.of("Cache-Control", "public, max-age=31536000, immutable");
          });
    }
    config.routes.error(404, ctx -> notFound(ctx, index));
  }

  private static void notFound(Context ctx, Optional<String> index) {
    if (ctx.path().startsWith("/api/") || !isPageRequest(ctx)) {
      String sent = ctx.res().getContentType();
      if (!ctx.res().isCommitted() && (sent == null || !sent.startsWith(Problem.MEDIA_TYPE))) {
        Problem.send(ctx, 404, "not_found", "Not found", "nothing at " + ctx.path());
      }
      return;
    }
    if (index.isEmpty()) {
      Problem.send(
          ctx,
          404,
          "web_app_missing",
          "Web app not built",
          "this server was built without the web app (module web); rebuild with ./slipstream build");
      return;
    }
    ctx.status(200).header("Cache-Control", "no-cache").html(index.get());
  }

  /** A page request is a GET for a path without a file extension (not an asset). */
  private static boolean isPageRequest(Context ctx) {
    String last = ctx.path().substring(ctx.path().lastIndexOf('/') + 1);
    return "GET".equals(ctx.method().name()) && !last.contains(".");
  }

  private static Optional<String> readIndex() {
    try (InputStream in = WebAppRoutes.class.getResourceAsStream(ROOT + "/index.html")) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the web app's index.html", e);
    }
  }
}
