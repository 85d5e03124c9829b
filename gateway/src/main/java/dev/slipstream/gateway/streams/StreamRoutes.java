package dev.slipstream.gateway.streams;

import dev.slipstream.media.stream.NewStream;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.stream.StreamInfo;
import dev.slipstream.media.stream.StreamPage;
import dev.slipstream.media.stream.StreamState;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The streams resource: {@code GET/POST /api/streams}, {@code GET /api/streams/{id}}, and the
 * actions {@code POST /api/streams/{id}/publish-key} (rotate) and {@code POST
 * /api/streams/{id}/end}. The publish key appears only in the answers to create and rotate.
 */
public final class StreamRoutes {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private StreamRoutes() {}

  /** A stream as the API shows it. */
  record StreamView(
      String id, String title, String state, Instant createdAt, Instant stateChangedAt) {
    static StreamView of(StreamInfo s) {
      return new StreamView(
          s.id(), s.title(), s.state().wireName(), s.createdAt(), s.stateChangedAt());
    }
  }

  /** A stream just created, with the publish key shown this once. */
  record CreatedStreamView(
      String id,
      String title,
      String state,
      Instant createdAt,
      Instant stateChangedAt,
      String publishKey) {
    static CreatedStreamView of(NewStream created) {
      StreamInfo s = created.stream();
      return new CreatedStreamView(
          s.id(),
          s.title(),
          s.state().wireName(),
          s.createdAt(),
          s.stateChangedAt(),
          created.publishKey().value());
    }
  }

  /** A freshly rotated publish key. */
  record PublishKeyView(String streamId, String publishKey) {}

  /** A page of streams; {@code nextCursor} is null on the last page. */
  record StreamPageView(List<StreamView> items, String nextCursor) {}

  /** The body of {@code POST /api/streams}. */
  record CreateStream(String title) {}

  /** Registers the routes. */
  public static void register(RoutesConfig routes, StreamDirectory streams) {
    routes.get("/api/streams", ctx -> list(ctx, streams));
    routes.post("/api/streams", ctx -> create(ctx, streams));
    routes.get(
        "/api/streams/{id}", ctx -> ctx.json(StreamView.of(streams.get(ctx.pathParam("id")))));
    routes.post(
        "/api/streams/{id}/publish-key",
        ctx -> {
          String id = ctx.pathParam("id");
          ctx.json(new PublishKeyView(id, streams.rotatePublishKey(id).value()));
        });
    routes.post(
        "/api/streams/{id}/end",
        ctx -> ctx.json(StreamView.of(streams.moveTo(ctx.pathParam("id"), StreamState.ENDED))));
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
    NewStream created = streams.create(body.title());
    ctx.status(201).header("Location", "/api/streams/" + created.stream().id());
    ctx.header("Cache-Control", "no-store");
    ctx.json(CreatedStreamView.of(created));
  }
}
