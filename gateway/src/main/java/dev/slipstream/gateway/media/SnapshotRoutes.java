package dev.slipstream.gateway.media;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.InstantSource;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/streams/{id}/snapshot?width=320}: a JPEG of a live stream's current picture, at
 * most 2 s old, decoded from the stream by the media plane's decode tap. The header {@code
 * Slipstream-Media-Time-Us} names the media time of the frame shown.
 */
public final class SnapshotRoutes {
  private static final int DEFAULT_WIDTH = 640;
  private static final int MAX_WIDTH = 1280;

  private SnapshotRoutes() {}

  /** Registers the route. */
  public static void register(RoutesConfig routes, MediaServer media, InstantSource clock) {
    StreamSnapshots snapshots = new StreamSnapshots(media, clock);
    routes.get("/api/streams/{id}/snapshot", ctx -> snapshot(ctx, snapshots), Access.ANYONE);
  }

  private static void snapshot(Context ctx, StreamSnapshots snapshots) throws Exception {
    int width = width(ctx.queryParam("width"));
    StreamSnapshots.Snapshot snapshot;
    try {
      snapshot = snapshots.take(ctx.pathParam("id"), width);
    } catch (TimeoutException e) {
      ctx.header("Retry-After", "2");
      throw new HttpResponseException(
          503, "the stream sent no picture that could be decoded in 5 s");
    }
    ctx.header("Cache-Control", "max-age=2");
    ctx.header("Slipstream-Media-Time-Us", Long.toString(snapshot.mediaTimeMicros()));
    ctx.contentType("image/jpeg");
    ctx.result(snapshot.jpeg());
  }

  private static int width(String param) {
    if (param == null) {
      return DEFAULT_WIDTH;
    }
    int width;
    try {
      width = Integer.parseInt(param);
    } catch (NumberFormatException e) {
      width = -1;
    }
    if (width < 32 || width > MAX_WIDTH || width % 2 != 0) {
      throw new InvalidInputException(
          "invalid_width",
          "width must be an even number of pixels from 32 to "
              + MAX_WIDTH
              + " (was "
              + param
              + ")");
    }
    return width;
  }
}
