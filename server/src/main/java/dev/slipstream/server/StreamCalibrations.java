package dev.slipstream.server;

import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.kinematics.Homography;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which streams the vision pipeline can measure: a stream's calibration (image → ground metres) and
 * its zones. The demo stream's come from the synthetic scene; other streams get theirs through the
 * API once it lands, and until then vision leaves them alone (speeds without a calibration would be
 * numbers without meaning).
 */
final class StreamCalibrations {
  /** A stream's view of the ground. */
  record View(Homography calibration, List<Zone> zones) {}

  private final Map<String, View> views = new ConcurrentHashMap<>();

  void set(String streamId, Homography calibration, List<Zone> zones) {
    views.put(streamId, new View(calibration, List.copyOf(zones)));
  }

  Optional<View> of(String streamId) {
    return Optional.ofNullable(views.get(streamId));
  }
}
