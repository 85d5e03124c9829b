package dev.slipstream.gateway.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.auth.StreamAccess;
import dev.slipstream.gateway.http.JsonBodies;
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
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The streams resource: {@code GET/POST /api/streams}, {@code GET /api/streams/{id}}, and the
 * actions {@code POST /api/streams/{id}/publish-key} (rotate) and {@code POST
 * /api/streams/{id}/end}. The publish key appears only in the answers to create and rotate. Reading
 * is open to anyone; creating needs a broadcaster or operator, who becomes the stream's owner;
 * rotating and ending need the owner or an operator.
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

  /** The body of {@code POST /api/streams}; {@code playTokenRequired} defaults to false. */
  record CreateStream(String title, @Nullable Boolean playTokenRequired) {}

  /** Registers the routes; {@code access} is null only when the gateway runs without accounts. */
  public static void register(
      RoutesConfig routes, StreamDirectory streams, @Nullable StreamAccess access) {
    routes.get("/api/streams", ctx -> list(ctx, streams), Access.ANYONE);
    routes.post(
        "/api/streams",
        ctx -> create(ctx, streams, Objects.requireNonNull(access)),
        Access.anyOf(Role.BROADCASTER, Role.OPERATOR));
    routes.get(
        "/api/streams/{id}",
        ctx -> ctx.json(StreamView.of(streams.get(ctx.pathParam("id")))),
        Access.ANYONE);
    routes.post(
        "/api/streams/{id}/publish-key",
        ctx -> {
          String id = ctx.pathParam("id");
          ctx.header("Cache-Control", "no-store");
          ctx.json(new PublishKeyView(id, streams.rotatePublishKey(id).value()));
        },
        Access.STREAM_MANAGER);
    routes.post(
        "/api/streams/{id}/end",
        ctx -> ctx.json(StreamView.of(streams.moveTo(ctx.pathParam("id"), StreamState.ENDED))),
        Access.STREAM_MANAGER);
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

  private static void create(Context ctx, StreamDirectory streams, StreamAccess access)
      throws JsonProcessingException {
    CreateStream body = JsonBodies.read(ctx, CreateStream.class);
    if (body.title() == null) {
      throw new InvalidInputException("invalid_title", "title is required");
    }
    NewStream created = streams.create(body.title());
    access.recordOwner(
        created.stream().id(),
        Callers.of(ctx).userId(),
        Boolean.TRUE.equals(body.playTokenRequired()));
    ctx.status(201).header("Location", "/api/streams/" + created.stream().id());
    ctx.header("Cache-Control", "no-store");
    ctx.json(CreatedStreamView.of(created));
  }
}
