package dev.slipstream.gateway.media;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.auth.StreamAccess;
import dev.slipstream.media.sdp.IceFragment;
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
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * WHIP (RFC 9725) for broadcasters and WHEP for viewers: {@code POST /api/streams/{id}/whip|whep}
 * with an SDP offer answers 201 with the SDP answer, the session's resource URL and its ETag;
 * {@code PATCH} there takes trickle candidates and ICE restarts; {@code DELETE} ends the session.
 * The WHIP bearer token is the stream's publish key; WHEP is open unless the stream needs a play
 * token, which then comes as the bearer token. A session's URL (128 random bits) is what lets its
 * holder patch or end it.
 */
public final class WhipWhepRoutes {
  /** The media type of SDP bodies. */
  public static final String SDP = "application/sdp";

  private static final int MAX_SDP_BYTES = 64 * 1024;

  private WhipWhepRoutes() {}

  /** Registers the routes. */
  public static void register(
      RoutesConfig routes,
      MediaServer media,
      StreamDirectory streams,
      @Nullable StreamAccess access) {
    routes.post(
        "/api/streams/{id}/whip",
        ctx -> {
          String id = ctx.pathParam("id");
          SdpAnswer answer = media.publish(id, bearer(ctx), offer(ctx));
          created(ctx, "/api/streams/" + id + "/whip/" + answer.sessionId(), answer);
        },
        Access.PUBLISH_KEY);
    routes.delete(
        "/api/streams/{id}/whip/{session}",
        ctx -> media.unpublish(ctx.pathParam("id"), ctx.pathParam("session"), bearer(ctx)),
        Access.PUBLISH_KEY);
    routes.patch(
        "/api/streams/{id}/whip/{session}",
        ctx -> patch(ctx, media, bearer(ctx)),
        Access.PUBLISH_KEY);
    routes.post(
        "/api/streams/{id}/whep",
        ctx -> {
          String id = ctx.pathParam("id");
          if (access != null) {
            access.authorizePlay(id, optionalBearer(ctx));
          }
          SdpAnswer answer = media.play(id, offer(ctx), ctx.ip());
          created(ctx, "/api/streams/" + id + "/whep/" + answer.sessionId(), answer);
        },
        Access.PLAY_TOKEN);
    routes.delete(
        "/api/streams/{id}/whep/{session}",
        ctx -> media.stopPlaying(ctx.pathParam("id"), ctx.pathParam("session")),
        Access.ANYONE);
    routes.patch("/api/streams/{id}/whep/{session}", ctx -> patch(ctx, media, null), Access.ANYONE);
    routes.get(
        "/api/streams/{id}/whep/{session}/clock",
        ctx ->
            ctx.json(
                media
                    .viewerClock(ctx.pathParam("id"), ctx.pathParam("session"))
                    .orElseThrow(
                        () ->
                            new ConflictException(
                                "clock_not_ready", "no video has reached this viewer yet"))),
        Access.ANYONE);
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
        },
        Access.ANYONE);
  }

  /**
   * Trickle ICE and ICE restarts (RFC 9725 §4.3): candidates alone are taken with 204 (an ICE-lite
   * server learns addresses from the checks themselves); new credentials restart ICE and the answer
   * fragment carries ours, with a new ETag. {@code If-Match} other than {@code *} must name the
   * session's current ETag.
   */
  private static void patch(Context ctx, MediaServer media, String publishKey) {
    String id = ctx.pathParam("id");
    String session = ctx.pathParam("session");
    String fragment = body(ctx, IceFragment.MEDIA_TYPE, "ICE fragment");
    String ifMatch = ctx.header("If-Match");
    if (ifMatch != null
        && !ifMatch.strip().equals("*")
        && !ifMatch.strip().equals(media.iceEtag(id, session))) {
      throw new HttpResponseException(
          412, "If-Match does not name this session's current ETag; it restarted since");
    }
    media
        .patchIce(id, session, publishKey, fragment)
        .ifPresentOrElse(
            restart -> {
              ctx.status(200);
              ctx.header("ETag", restart.etag());
              ctx.contentType(IceFragment.MEDIA_TYPE);
              ctx.result(restart.fragment());
            },
            () -> ctx.status(204));
  }

  private static String offer(Context ctx) {
    return body(ctx, SDP, "SDP offer");
  }

  private static String body(Context ctx, String mediaType, String what) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(mediaType)) {
      throw new HttpResponseException(415, "send the " + what + " as " + mediaType);
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_SDP_BYTES) {
      throw new HttpResponseException(413, "an " + what + " may be at most 64 KiB");
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

  private static Optional<String> optionalBearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip());
  }

  private static void created(Context ctx, String location, SdpAnswer answer) {
    ctx.status(201);
    ctx.header("Location", location);
    ctx.header("ETag", answer.etag());
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(SDP);
    ctx.result(answer.answerSdp());
  }
}
