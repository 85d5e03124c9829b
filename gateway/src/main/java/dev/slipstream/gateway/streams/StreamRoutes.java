package dev.slipstream.gateway.streams;

import dev.slipstream.gateway.http.Problem;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.stream.StreamInfo;
import dev.slipstream.media.stream.StreamPage;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The streams resource: {@code GET/POST /api/streams}, {@code GET /api/streams/{id}}. */
public final class StreamRoutes {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private StreamRoutes() {}

  /** A stream as the API shows it. */
  record StreamView(String id, String title, String state, Instant createdAt) {
    static StreamView of(StreamInfo s) {
      return new StreamView(s.id(), s.title(), s.state().wireName(), s.createdAt());
    }
  }

  /** A page of streams; {@code nextCursor} is null on the last page. */
  record StreamPageView(List<StreamView> items, String nextCursor) {}

  /** The body of {@code POST /api/streams}. */
  record CreateStream(String title) {}

  /** Registers the routes. */
  public static void register(RoutesConfig routes, StreamDirectory streams) {
    routes.get("/api/streams", ctx -> list(ctx, streams));
    routes.post("/api/streams", ctx -> create(ctx, streams));
    routes.get(
        "/api/streams/{id}",
        ctx -> {
          String id = ctx.pathParam("id");
          streams
              .find(id)
              .ifPresentOrElse(
                  s -> ctx.json(StreamView.of(s)),
                  () ->
                      Problem.send(
                          ctx, 404, "stream_not_found", "Stream not found", "no stream " + id));
        });
  }

  private static void list(Context ctx, StreamDirectory streams) {
    int limit = DEFAULT_PAGE_SIZE;
    String limitParam = ctx.queryParam("limit");
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            "invalid_limit", "limit must be a whole number (was " + limitParam + ")");
      }
    }
    StreamPage page = streams.list(Optional.ofNullable(ctx.queryParam("cursor")), limit);
    ctx.json(
        new StreamPageView(
            page.items().stream().map(StreamView::of).toList(), page.nextCursor().orElse(null)));
  }

  private static void create(Context ctx, StreamDirectory streams) {
    CreateStream body = ctx.bodyAsClass(CreateStream.class);
    if (body == null || body.title() == null) {
      throw new InvalidInputException("invalid_title", "title is required");
    }
    StreamInfo created = streams.create(body.title());
    ctx.status(201).header("Location", "/api/streams/" + created.id());
    ctx.json(StreamView.of(created));
  }
}
