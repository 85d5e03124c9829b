package dev.slipstream.media.ingest;

import dev.slipstream.media.sdp.StreamCodecs;
import dev.slipstream.media.sfu.LocalPublisher;

/**
 * Opens a stream's publishing session once a source is ready to send, given its codecs and what to
 * do when a viewer needs a keyframe; in production a call to {@code MediaServer.publishLocal}.
 */
@FunctionalInterface
interface PublisherOpener {
  /** Opens it for {@code codecs}; throws as {@code MediaServer.publishLocal} does. */
  LocalPublisher open(StreamCodecs codecs, Runnable keyframeRequested);
}
