package dev.slipstream.gateway.streams;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.auth.StreamAccess;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who may play a stream: {@code GET /api/streams/{id}/access} says whether it needs a play token;
 * {@code PUT} there (owner or operator) changes that; {@code POST /api/streams/{id}/play-token}
 * gives a signed-in viewer a short-lived token for WHEP.
 */
public final class PlayAccessRoutes {
  private PlayAccessRoutes() {}

  /** A stream's play policy. */
  record AccessView(String streamId, boolean playTokenRequired) {}

  /** The body of the {@code PUT}. */
  record SetAccess(@Nullable Boolean playTokenRequired) {}

  /** A play token for one stream. */
  record PlayTokenView(String token, String streamId, Instant expiresAt) {}

  /** Registers the routes. */
  public static void register(RoutesConfig routes, StreamDirectory streams, StreamAccess access) {
    routes.get(
        "/api/streams/{id}/access",
        ctx -> {
          String id = streams.get(ctx.pathParam("id")).id();
          ctx.json(new AccessView(id, access.policy(id).playTokenRequired()));
        },
        Access.ANYONE);
    routes.put(
        "/api/streams/{id}/access",
        ctx -> {
          String id = streams.get(ctx.pathParam("id")).id();
          SetAccess body = JsonBodies.read(ctx, SetAccess.class);
          if (body.playTokenRequired() == null) {
            throw new InvalidInputException(
                "invalid_play_token_required", "send {\"playTokenRequired\": true or false}");
          }
          access.setPlayTokenRequired(id, body.playTokenRequired());
          ctx.json(new AccessView(id, body.playTokenRequired()));
        },
        Access.STREAM_MANAGER);
    routes.post(
        "/api/streams/{id}/play-token",
        ctx -> {
          String id = streams.get(ctx.pathParam("id")).id();
          StreamAccess.PlayToken token = access.issuePlayToken(Callers.of(ctx), id);
          ctx.header("Cache-Control", "no-store");
          ctx.status(201).json(new PlayTokenView(token.token(), id, token.expiresAt()));
        },
        Access.anyOf(Role.VIEWER, Role.BROADCASTER, Role.OPERATOR));
  }
}
