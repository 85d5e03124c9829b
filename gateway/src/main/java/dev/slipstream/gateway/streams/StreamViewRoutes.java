package dev.slipstream.gateway.streams;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import dev.slipstream.vision.view.StoredView;
import dev.slipstream.vision.view.StreamView;
import dev.slipstream.vision.view.StreamViews;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A stream's view of the ground, {@code /api/streams/{id}/calibration}: the landmarks (image pixels
 * → field metres, at least 4, no 3 on a line) that give vision its homography, and the zones
 * (polygons in metres) whose entries and exits it reports. Anyone may read it (the player draws the
 * zones); the stream's owner or an operator replaces it with {@code PUT} (points and zones
 * together) or removes it with {@code DELETE}, which stops vision measuring the stream.
 *
 * <p>The answer's {@code ETag} is the revision; a {@code PUT} with {@code If-Match} replaces only
 * that revision (412 otherwise), so two editors cannot silently overwrite each other.
 */
public final class StreamViewRoutes {
  private static final Pattern REVISION_TAG = Pattern.compile("\"r([0-9]{1,18})\"");

  private StreamViewRoutes() {}

  /** A point on the frame, in pixels from the top-left corner. */
  record ImageXy(@Nullable Double x, @Nullable Double y) {}

  /** A point on the field, in metres. */
  record GroundXy(@Nullable Double x, @Nullable Double y) {}

  /** One landmark seen on the frame and known on the field. */
  record PointBody(@Nullable ImageXy image, @Nullable GroundXy ground) {}

  /** One zone. */
  record ZoneBody(@Nullable String id, @Nullable List<GroundXy> vertices) {}

  /**
   * The body of {@code PUT}; zones default to none. The answer of {@code GET} is a valid body: its
   * read-only fields are ignored, so a client can read, change and send back.
   */
  @JsonIgnoreProperties({"streamId", "revision", "updatedAt", "updatedBy", "rmsErrorM"})
  record ViewBody(@Nullable List<PointBody> points, @Nullable List<ZoneBody> zones) {}

  /** The view as the API shows it. */
  record ViewAnswer(
      String streamId,
      long revision,
      Instant updatedAt,
      String updatedBy,
      double rmsErrorM,
      List<PointBody> points,
      List<ZoneBody> zones) {
    static ViewAnswer of(StoredView stored) {
      StreamView view = stored.view();
      return new ViewAnswer(
          stored.streamId(),
          stored.revision(),
          stored.updatedAt(),
          stored.updatedBy(),
          view.homography().rmsErrorMetres(),
          view.points().stream()
              .map(
                  p ->
                      new PointBody(
                          new ImageXy(p.image().x(), p.image().y()),
                          new GroundXy(p.ground().x(), p.ground().y())))
              .toList(),
          view.zones().stream()
              .map(
                  z ->
                      new ZoneBody(
                          z.id(),
                          z.vertices().stream().map(v -> new GroundXy(v.x(), v.y())).toList()))
              .toList());
    }
  }

  /** Registers the routes. */
  public static void register(RoutesConfig routes, StreamDirectory streams, StreamViews views) {
    String path = "/api/streams/{id}/calibration";
    routes.get(
        path,
        ctx -> {
          String id = ctx.pathParam("id");
          streams.get(id);
          StoredView stored =
              views
                  .find(id)
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "no_calibration",
                              "stream " + id + " has no calibration; vision does not measure it"));
          answer(ctx, stored);
        },
        Access.ANYONE);
    routes.put(path, ctx -> put(ctx, streams, views), Access.STREAM_MANAGER);
    routes.delete(
        path,
        ctx -> {
          String id = ctx.pathParam("id");
          streams.get(id);
          if (!views.remove(id)) {
            throw new NotFoundException("no_calibration", "stream " + id + " has no calibration");
          }
          ctx.status(204);
        },
        Access.STREAM_MANAGER);
  }

  private static void put(Context ctx, StreamDirectory streams, StreamViews views)
      throws JsonProcessingException {
    String id = ctx.pathParam("id");
    streams.get(id);
    OptionalLong expected = expectedRevision(ctx.header("If-Match"));
    StreamView view = view(JsonBodies.read(ctx, ViewBody.class));
    StoredView stored;
    try {
      stored = views.put(id, view, expected, Callers.of(ctx).userId());
    } catch (ConflictException e) {
      if (e.code().equals("revision_mismatch")) {
        throw new HttpResponseException(412, e.getMessage());
      }
      throw e;
    }
    answer(ctx, stored);
  }

  private static void answer(Context ctx, StoredView stored) {
    ctx.header("ETag", "\"r" + stored.revision() + "\"");
    ctx.header("Cache-Control", "no-cache");
    ctx.json(ViewAnswer.of(stored));
  }

  private static OptionalLong expectedRevision(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.strip().equals("*")) {
      return OptionalLong.empty();
    }
    Matcher m = REVISION_TAG.matcher(ifMatch.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "invalid_if_match",
          "If-Match must be the ETag of the calibration read before, like \"r3\" (was "
              + ifMatch
              + ")");
    }
    return OptionalLong.of(Long.parseLong(m.group(1)));
  }

  private static StreamView view(ViewBody body) {
    if (body.points() == null) {
      throw new InvalidInputException(
          "calibration_missing_points",
          "points is required: at least 4 landmarks as {image:{x,y}, ground:{x,y}}");
    }
    List<CalibrationPoint> points = new ArrayList<>();
    for (int i = 0; i < body.points().size(); i++) {
      PointBody p = body.points().get(i);
      String where = "point " + (i + 1);
      if (p == null || p.image() == null || p.ground() == null) {
        throw new InvalidInputException(
            "calibration_invalid_point", where + " needs both image {x,y} and ground {x,y}");
      }
      points.add(
          new CalibrationPoint(
              new PixelPoint(
                  required(p.image().x(), where + " image.x"),
                  required(p.image().y(), where + " image.y")),
              new GroundPoint(
                  required(p.ground().x(), where + " ground.x"),
                  required(p.ground().y(), where + " ground.y"))));
    }
    List<Zone> zones = new ArrayList<>();
    List<ZoneBody> zoneBodies = body.zones() == null ? List.of() : body.zones();
    for (int i = 0; i < zoneBodies.size(); i++) {
      ZoneBody z = zoneBodies.get(i);
      if (z == null || z.vertices() == null) {
        throw new InvalidInputException(
            "zone_invalid", "zone " + (i + 1) + " needs an id and a list of vertices {x,y}");
      }
      List<GroundPoint> vertices = new ArrayList<>();
      for (int v = 0; v < z.vertices().size(); v++) {
        GroundXy xy = z.vertices().get(v);
        String where = "zone " + (i + 1) + " vertex " + (v + 1);
        if (xy == null) {
          throw new InvalidInputException("zone_invalid", where + " is null");
        }
        vertices.add(
            new GroundPoint(required(xy.x(), where + " x"), required(xy.y(), where + " y")));
      }
      zones.add(new Zone(z.id(), vertices));
    }
    return StreamView.of(points, zones);
  }

  private static double required(@Nullable Double value, String what) {
    if (value == null) {
      throw new InvalidInputException("calibration_invalid_point", what + " is missing");
    }
    return value;
  }
}
