package dev.slipstream.media.ingest;

import dev.slipstream.media.sdp.StreamCodecs;
import dev.slipstream.media.sfu.LocalPublisher;

/** Opens an in-process publishing session; {@code MediaServer::publishLocal} in production. */
@FunctionalInterface
interface LocalPublishing {
  /** Opens it; throws as {@code MediaServer.publishLocal} does. */
  LocalPublisher open(
      String streamId, String publishKey, StreamCodecs codecs, Runnable keyframeRequested);
}
