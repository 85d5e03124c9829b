package dev.slipstream.bench.latency;

import java.util.Locale;
import java.util.Optional;

/** Who sends the clock pattern in a latency run, and over which ingest path. */
enum LatencySource {
  /** A Chromium page publishing a canvas over WHIP. */
  BROWSER("whip->whep", null),
  /** FFmpeg pushing the synthetic source over RTMP (FLV), as OBS would. */
  RTMP("rtmp->whep", "--media-rtmp-port="),
  /** FFmpeg pushing the synthetic source over SRT (MPEG-TS). */
  SRT("srt->whep", "--media-srt-port="),
  /** FFmpeg 8's WHIP muxer pushing the synthetic source. */
  WHIP("ffmpeg-whip->whep", null);

  private final String label;
  private final String portFlag;

  LatencySource(String label, String portFlag) {
    this.label = label;
    this.portFlag = portFlag;
  }

  /** The path as the summary line names it. */
  String label() {
    return label;
  }

  /** The server flag that opens this source's ingest listener on {@code port}, if it needs one. */
  Optional<String> serverFlag(int port) {
    return Optional.ofNullable(portFlag).map(flag -> flag + port);
  }

  static LatencySource parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--source must be browser, rtmp, srt or whip (was " + value + ")");
    }
  }
}
