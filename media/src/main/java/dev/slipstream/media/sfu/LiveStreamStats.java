package dev.slipstream.media.sfu;

import java.time.Instant;
import java.util.List;
import java.util.stream.DoubleStream;

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
 * @param ingestDelayMs from capture to arrival at the server, for publishers whose sender reports
 *     tie RTP time to a wall clock in step with the server's (-1 when unknown: in-process sources,
 *     RTMP and SRT, whose capture time the server does not learn)
 * @param estimatedGlassToGlassMs capture to display for a typical viewer: the ingest delay (when
 *     known) + the median viewer's half round trip + twice its jitter (its jitter buffer) + {@value
 *     #DECODE_AND_RENDER_MS} ms to decode and show; the latency harness measures the real figure
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
    double ingestDelayMs,
    double estimatedGlassToGlassMs,
    List<ViewerInfo> viewers) {

  /**
   * What a browser takes from receiving a frame to showing it, as the latency harness measured it
   * in Chromium (receive to display, p50 3 ms; rounded up).
   */
  public static final double DECODE_AND_RENDER_MS = 5;

  /** Copies the viewer list. */
  public LiveStreamStats {
    viewers = List.copyOf(viewers);
  }

  /** Returns the estimate described at {@code estimatedGlassToGlassMs} for these figures. */
  static double estimateGlassToGlass(double ingestDelayMs, DoubleStream viewerPathsMs) {
    double[] paths = viewerPathsMs.filter(Double::isFinite).sorted().toArray();
    double viewerPath = paths.length == 0 ? 0 : paths[paths.length / 2];
    return Math.max(0, ingestDelayMs) + viewerPath + DECODE_AND_RENDER_MS;
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
   * @param roundTripMs round trip to it from its receiver reports, -1 before the first
   * @param jitterMs the interarrival jitter of its video, as it reports it
   * @param lossPercent the share of its video lost since its previous report, as it reports it
   */
  public record ViewerInfo(
      String sessionId,
      String address,
      Instant since,
      long packetsSent,
      long packetsDropped,
      long retransmissions,
      double roundTripMs,
      double jitterMs,
      double lossPercent) {}
}
