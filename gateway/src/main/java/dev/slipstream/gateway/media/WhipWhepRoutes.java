package dev.slipstream.gateway.media;

import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.sfu.SdpAnswer;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.UnauthorizedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * WHIP (RFC 9725) for broadcasters and WHEP for viewers: {@code POST /api/streams/{id}/whip|whep}
 * with an SDP offer answers 201 with the SDP answer and the session's resource URL; {@code DELETE}
 * on that URL ends the session. The WHIP bearer token is the stream's publish key.
 */
public final class WhipWhepRoutes {
  /** The media type of SDP bodies. */
  public static final String SDP = "application/sdp";

  private static final int MAX_SDP_BYTES = 64 * 1024;

  private WhipWhepRoutes() {}

  /** Registers the routes. */
  public static void register(RoutesConfig routes, MediaServer media, StreamDirectory streams) {
    routes.post(
        "/api/streams/{id}/whip",
        ctx -> {
          String id = ctx.pathParam("id");
          SdpAnswer answer = media.publish(id, bearer(ctx), offer(ctx));
          created(ctx, "/api/streams/" + id + "/whip/" + answer.sessionId(), answer);
        });
    routes.delete(
        "/api/streams/{id}/whip/{session}",
        ctx -> media.unpublish(ctx.pathParam("id"), ctx.pathParam("session"), bearer(ctx)));
    routes.patch(
        "/api/streams/{id}/whip/{session}",
        ctx -> {
          ctx.header("Allow", "DELETE");
          throw new HttpResponseException(
              405, "trickle ICE and ICE restarts are not supported; publish again instead");
        });
    routes.post(
        "/api/streams/{id}/whep",
        ctx -> {
          String id = ctx.pathParam("id");
          SdpAnswer answer = media.play(id, offer(ctx), ctx.ip());
          created(ctx, "/api/streams/" + id + "/whep/" + answer.sessionId(), answer);
        });
    routes.delete(
        "/api/streams/{id}/whep/{session}",
        ctx -> media.stopPlaying(ctx.pathParam("id"), ctx.pathParam("session")));
    routes.get(
        "/api/streams/{id}/whep/{session}/clock",
        ctx ->
            ctx.json(
                media
                    .viewerClock(ctx.pathParam("id"), ctx.pathParam("session"))
                    .orElseThrow(
                        () ->
                            new ConflictException(
                                "clock_not_ready", "no video has reached this viewer yet"))));
    routes.get(
        "/api/streams/{id}/live",
        ctx -> {
          String id = streams.get(ctx.pathParam("id")).id();
          ctx.json(
              media
                  .stats(id)
                  .orElseThrow(
                      () ->
                          new ConflictException(
                              "stream_not_live", "stream " + id + " has no publisher right now")));
        });
  }

  private static String offer(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(SDP)) {
      throw new HttpResponseException(415, "send the SDP offer as " + SDP);
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_SDP_BYTES) {
      throw new HttpResponseException(413, "an SDP offer may be at most 64 KiB");
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UnauthorizedException(
          "invalid_publish_key", "send the stream's publish key as Authorization: Bearer <key>");
    }
    return header.substring(7).strip();
  }

  private static void created(Context ctx, String location, SdpAnswer answer) {
    ctx.status(201);
    ctx.header("Location", location);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(SDP);
    ctx.result(answer.answerSdp());
  }
}
