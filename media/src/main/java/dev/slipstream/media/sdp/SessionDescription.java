package dev.slipstream.media.sdp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed offer: session-level attributes and its media sections.
 *
 * @param transport ICE and DTLS attributes written at session level
 * @param direction a session-level direction attribute, the default for every section
 * @param bundleGroups the mids of each {@code a=group:BUNDLE} line
 * @param media the media sections in order
 */
record SessionDescription(
    TransportAttributes transport,
    @Nullable Direction direction,
    List<List<String>> bundleGroups,
    List<MediaSection> media) {

  /** Returns the direction that applies to a section: its own, the session's, or sendrecv. */
  Direction directionOf(MediaSection section) {
    if (section.direction() != null) {
      return section.direction();
    }
    return direction != null ? direction : Direction.SENDRECV;
  }
}
