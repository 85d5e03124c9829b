package dev.slipstream.gateway.webapp;

import dev.slipstream.gateway.http.JsonMapping;
import dev.slipstream.gateway.http.Problem;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.stream.StreamInfo;
import dev.slipstream.media.stream.StreamPage;
import dev.slipstream.media.stream.StreamState;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Serves the browser app packaged under the classpath folder {@code web/}: its hashed assets with
 * long caching, and for every page path (so client-side routes such as {@code /operator} load the
 * app) {@code index.html} rendered by {@link ShellPage} with the stream list, and on {@code
 * /watch/<id>} the stream, already in it. Paths under {@code /api/} never fall back to the app.
 */
public final class WebAppRoutes {
  private static final String ROOT = "/web";
  private static final int LISTED_STREAMS = 20;

  private WebAppRoutes() {}

  /** Registers static files and the page fallback, with pages that show no stream data. */
  public static void register(JavalinConfig config) {
    register(config, null, false);
  }

  /**
   * Registers static files and the page fallback; pages carry what {@code streams} lists, and a
   * live stream's page names its snapshot as its picture when {@code snapshots} are served.
   */
  public static void register(
      JavalinConfig config, @Nullable StreamDirectory streams, boolean snapshots) {
    Optional<ShellPage> index =
        readIndex().map(template -> new ShellPage(template, JsonMapping.newMapper()));
    if (index.isPresent()) {
      config.staticFiles.add(
          files -> {
            files.hostedPath = "/";
            files.directory = ROOT;
            files.location = Location.CLASSPATH;
            files.headers = java.util.Map.of("Cache-Control", "no-cache");
            // "/" is a page: it falls through to the rendered shell, not the bare index.html.
            files.skipFileFunction = request -> "/".equals(request.getRequestURI());
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
    config.routes.error(404, ctx -> notFound(ctx, index, streams, snapshots));
  }

  private static void notFound(
      Context ctx,
      Optional<ShellPage> index,
      @Nullable StreamDirectory streams,
      boolean snapshots) {
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
    renderPage(ctx, index.get(), streams, snapshots);
  }

  private static void renderPage(
      Context ctx, ShellPage shell, @Nullable StreamDirectory streams, boolean snapshots) {
    StreamPage listed =
        streams == null
            ? new StreamPage(List.of(), Optional.empty())
            : streams.list(Optional.empty(), LISTED_STREAMS);
    Optional<String> streamId = ShellPage.streamIdOf(ctx.path());
    StreamInfo stream =
        streamId.isEmpty() || streams == null ? null : streams.find(streamId.get()).orElse(null);
    String origin = ctx.scheme() + "://" + ctx.host();
    String image =
        stream != null && snapshots && stream.state() == StreamState.LIVE
            ? origin + "/api/streams/" + stream.id() + "/snapshot?width=640"
            : null;
    int status = streamId.isPresent() && stream == null ? 404 : 200;
    ctx.status(status)
        .header("Cache-Control", "no-cache")
        .html(shell.render(origin + ctx.path(), listed, stream, image));
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
