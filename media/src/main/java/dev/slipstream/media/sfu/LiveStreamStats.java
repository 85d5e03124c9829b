package dev.slipstream.media.sfu;

import java.time.Instant;
import java.util.List;

/**
 * The live figures of one stream, for the API, the operator console and {@code /metrics}.
 *
 * @param streamId the stream
 * @param liveSince when its publisher connected
 * @param videoCodec the video codec being forwarded, e.g. {@code H264}
 * @param ingestBitrateKbps video + audio bitrate arriving from the publisher, over the last few
 *     seconds
 * @param framesPerSecond video frames per second arriving, over the last few seconds
 * @param keyframeIntervalMs time between the last two keyframes, 0 before the second
 * @param packetsLost publisher packets never received
 * @param nacksSent retransmission requests sent to the publisher
 * @param pliSent keyframe requests sent to the publisher
 * @param viewers who is watching now
 */
public record LiveStreamStats(
    String streamId,
    Instant liveSince,
    String videoCodec,
    long ingestBitrateKbps,
    double framesPerSecond,
    long keyframeIntervalMs,
    long packetsLost,
    long nacksSent,
    long pliSent,
    List<ViewerInfo> viewers) {

  /** Copies the viewer list. */
  public LiveStreamStats {
    viewers = List.copyOf(viewers);
  }

  /**
   * One viewer of a live stream.
   *
   * @param sessionId the WHEP session
   * @param address where the viewer connects from
   * @param since when it started watching
   * @param packetsSent media packets sent to it
   * @param packetsDropped packets dropped for it because it could not keep up
   * @param retransmissions packets re-sent after its NACKs
   */
  public record ViewerInfo(
      String sessionId,
      String address,
      Instant since,
      long packetsSent,
      long packetsDropped,
      long retransmissions) {}
}
