package dev.slipstream.vision.events;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.vision.geometry.GroundPoint;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A named area of the ground plane, such as the penalty box or the last 10 m before the line.
 *
 * @param id stable name used in events and markets: 1 to 64 letters, digits, '_', '-' or '.'
 * @param vertices the polygon's corners in metres, in order (either direction), at least 3, not
 *     self-intersecting
 */
public record Zone(String id, List<GroundPoint> vertices) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /**
   * Checks the zone is a usable polygon.
   *
   * @throws InvalidInputException if the id is malformed, there are fewer than 3 vertices, a
   *     coordinate is not finite or the polygon encloses no area
   */
  public Zone {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidInputException(
          "zone_invalid_id",
          "zone id must be 1 to 64 letters, digits, '_', '-' or '.' (was " + id + ")");
    }
    vertices = List.copyOf(vertices);
    if (vertices.size() < 3) {
      throw new InvalidInputException(
          "zone_too_few_vertices",
          "zone " + id + " needs at least 3 vertices (got " + vertices.size() + ")");
    }
    for (int i = 0; i < vertices.size(); i++) {
      if (!vertices.get(i).isFinite()) {
        throw new InvalidInputException(
            "zone_non_finite",
            "zone "
                + id
                + " vertex "
                + (i + 1)
                + " is not a finite point ("
                + vertices.get(i)
                + ")");
      }
    }
    if (Math.abs(signedArea(vertices)) < 1e-6) {
      throw new InvalidInputException(
          "zone_zero_area", "zone " + id + " encloses no area: its vertices lie on one line");
    }
  }

  /** Returns whether {@code point} is inside the polygon (even-odd rule). */
  public boolean contains(GroundPoint point) {
    boolean inside = false;
    int n = vertices.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      GroundPoint a = vertices.get(i);
      GroundPoint b = vertices.get(j);
      if ((a.y() > point.y()) != (b.y() > point.y())
          && point.x() < (b.x() - a.x()) * (point.y() - a.y()) / (b.y() - a.y()) + a.x()) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** Returns the distance to the polygon's edge: positive inside, negative outside. */
  public double signedDistance(GroundPoint point) {
    double nearest = Double.POSITIVE_INFINITY;
    int n = vertices.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      nearest = Math.min(nearest, distanceToSegment(point, vertices.get(j), vertices.get(i)));
    }
    return contains(point) ? nearest : -nearest;
  }

  private static double distanceToSegment(GroundPoint p, GroundPoint a, GroundPoint b) {
    GroundPoint ab = b.minus(a);
    double lengthSquared = ab.dot(ab);
    double t =
        lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, p.minus(a).dot(ab) / lengthSquared));
    return p.distanceTo(a.plus(ab.times(t)));
  }

  private static double signedArea(List<GroundPoint> vertices) {
    double twiceArea = 0;
    int n = vertices.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      twiceArea +=
          vertices.get(j).x() * vertices.get(i).y() - vertices.get(i).x() * vertices.get(j).y();
    }
    return twiceArea / 2;
  }
}
