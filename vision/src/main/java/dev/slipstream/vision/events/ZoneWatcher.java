package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.kinematics.MotionEstimate;
import org.jspecify.annotations.Nullable;

/**
 * Whether one track is in one zone, with hysteresis: the side the track is on changes only once it
 * is {@link EventSettings#zoneMarginM()} past the edge, so a person standing on the line does not
 * enter and leave on every frame. The event is dated when the track last crossed the edge itself,
 * interpolated between the frames either side, so the margin does not delay it.
 */
final class ZoneWatcher {
  private final Zone zone;
  private final double marginM;
  private @Nullable Boolean inside;
  private boolean rawInside;
  private double lastDistance;
  private long lastTimeUs = Long.MIN_VALUE;
  private long crossedAtUs;

  ZoneWatcher(Zone zone, double marginM) {
    this.zone = zone;
    this.marginM = marginM;
  }

  Zone zone() {
    return zone;
  }

  @Nullable VisionEvent observe(int trackId, MotionEstimate estimate) {
    GroundPoint position = estimate.position();
    long now = estimate.mediaTimeUs();
    double distance = zone.signedDistance(position);
    boolean nowInside = distance > 0;
    if (lastTimeUs != Long.MIN_VALUE && nowInside != rawInside) {
      double fraction = lastDistance / (lastDistance - distance);
      crossedAtUs = lastTimeUs + Math.round((now - lastTimeUs) * fraction);
    }
    rawInside = nowInside;
    lastDistance = distance;
    lastTimeUs = now;
    if (Math.abs(distance) < marginM) {
      return null;
    }
    if (inside == null) {
      inside = nowInside;
      return null;
    }
    if (inside == nowInside) {
      return null;
    }
    inside = nowInside;
    return nowInside
        ? new ZoneEntered(trackId, crossedAtUs, position, estimate.speedMps(), zone.id())
        : new ZoneExited(trackId, crossedAtUs, position, estimate.speedMps(), zone.id());
  }
}
