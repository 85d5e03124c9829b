package dev.slipstream.vision.kinematics;

/** Which feet touch the ground on a frame; the same values as the wire's {@code FootContact}. */
public enum FootContact {
  /** Both feet are in the air: a running flight phase or a jump. */
  NONE,
  /** Only the left foot is on the ground. */
  LEFT,
  /** Only the right foot is on the ground. */
  RIGHT,
  /** Both feet are on the ground. */
  BOTH,
  /** The feet were not visible enough to tell. */
  UNKNOWN;

  static FootContact of(boolean left, boolean right) {
    if (left && right) {
      return BOTH;
    }
    if (left) {
      return LEFT;
    }
    return right ? RIGHT : NONE;
  }

  /** Returns the matching wire enum value. */
  public dev.slipstream.wire.v1.FootContact toProto() {
    return switch (this) {
      case NONE -> dev.slipstream.wire.v1.FootContact.FOOT_CONTACT_NONE;
      case LEFT -> dev.slipstream.wire.v1.FootContact.FOOT_CONTACT_LEFT;
      case RIGHT -> dev.slipstream.wire.v1.FootContact.FOOT_CONTACT_RIGHT;
      case BOTH -> dev.slipstream.wire.v1.FootContact.FOOT_CONTACT_BOTH;
      case UNKNOWN -> dev.slipstream.wire.v1.FootContact.FOOT_CONTACT_UNSPECIFIED;
    };
  }
}
