package dev.slipstream.media.sdp;

import java.util.Objects;

/**
 * A media section we take, and the payload type chosen in it.
 *
 * @param section the offered section
 * @param kind audio or video
 * @param payloadType the remote peer's payload type for the one codec
 */
record Accepted(MediaSection section, MediaKind kind, int payloadType) {

  String mid() {
    return Objects.requireNonNull(section.mid(), "checked by OfferChecks");
  }

  NegotiatedCodec codec() {
    return section.codec(payloadType);
  }
}
