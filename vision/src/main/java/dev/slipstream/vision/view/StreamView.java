package dev.slipstream.vision.view;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import dev.slipstream.vision.kinematics.Homography;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one stream's camera sees the ground: the landmarks that calibrate it and the zones vision
 * watches on it. Building one checks everything an operator can get wrong, so a stored view always
 * yields a usable homography.
 *
 * @param points at least 4 landmarks, no 3 on one line, at most {@value #MAX_POINTS}
 * @param zones at most {@value #MAX_ZONES} polygons in metres with distinct ids, each with at most
 *     {@value #MAX_VERTICES} vertices
 * @param homography the image → ground mapping fitted to {@code points}
 */
public record StreamView(List<CalibrationPoint> points, List<Zone> zones, Homography homography) {
  /** The most landmarks a calibration may list. */
  public static final int MAX_POINTS = 64;

  /** The most zones a stream may have. */
  public static final int MAX_ZONES = 32;

  /** The most vertices a zone may have. */
  public static final int MAX_VERTICES = 64;

  /** Copies the lists. */
  public StreamView {
    points = List.copyOf(points);
    zones = List.copyOf(zones);
  }

  /**
   * Checks and fits a view.
   *
   * @throws InvalidInputException naming what is wrong: too few, too many, non-finite, duplicate or
   *     collinear points, or too many zones, a zone with too many vertices or a repeated zone id
   *     (each zone is checked on construction)
   */
  public static StreamView of(List<CalibrationPoint> points, List<Zone> zones) {
    if (points.size() > MAX_POINTS) {
      throw new InvalidInputException(
          "calibration_too_many_points",
          "calibration takes at most " + MAX_POINTS + " point pairs (got " + points.size() + ")");
    }
    if (zones.size() > MAX_ZONES) {
      throw new InvalidInputException(
          "zones_too_many",
          "a stream takes at most " + MAX_ZONES + " zones (got " + zones.size() + ")");
    }
    Set<String> ids = new HashSet<>();
    for (Zone zone : zones) {
      if (zone.vertices().size() > MAX_VERTICES) {
        throw new InvalidInputException(
            "zone_too_many_vertices",
            "zone "
                + zone.id()
                + " has "
                + zone.vertices().size()
                + " vertices; at most "
                + MAX_VERTICES);
      }
      if (!ids.add(zone.id())) {
        throw new InvalidInputException(
            "zone_duplicate_id", "zone id " + zone.id() + " appears more than once");
      }
    }
    return new StreamView(points, zones, Homography.fit(points));
  }

  /** The ids of the zones, in order. */
  public List<String> zoneIds() {
    return zones.stream().map(Zone::id).toList();
  }
}
