package dev.slipstream.vision.track;

/** How far the tracker trusts a track; the same states as the wire's {@code TrackState}. */
public enum TrackState {
  /** Seen on too few consecutive frames to be trusted yet. */
  TENTATIVE,
  /** Seen consistently and matched on this frame. */
  CONFIRMED,
  /** Confirmed earlier but not detected on this frame; its box is predicted from its motion. */
  COASTING;

  /** Returns the matching wire enum value. */
  public dev.slipstream.wire.v1.TrackState toProto() {
    return switch (this) {
      case TENTATIVE -> dev.slipstream.wire.v1.TrackState.TRACK_STATE_TENTATIVE;
      case CONFIRMED -> dev.slipstream.wire.v1.TrackState.TRACK_STATE_CONFIRMED;
      case COASTING -> dev.slipstream.wire.v1.TrackState.TRACK_STATE_COASTING;
    };
  }
}
