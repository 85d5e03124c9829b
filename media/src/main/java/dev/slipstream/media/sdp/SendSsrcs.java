package dev.slipstream.media.sdp;

import java.util.Objects;

/**
 * How the SFU labels the streams it sends one viewer: the SSRCs it rewrites packets to and the
 * names a browser groups them by ({@code a=ssrc cname} and {@code a=msid}).
 *
 * @param videoSsrc the SSRC of the video we send, 1 to 2^32-1
 * @param audioSsrc the SSRC of the audio we send, 1 to 2^32-1, not the video one
 * @param cname the RTCP CNAME, shared by both so the browser synchronises them (lip sync)
 * @param streamId the {@code a=msid} stream id, e.g. the stream's public id; the tracks are named
 *     {@code <streamId>-video} and {@code <streamId>-audio}
 */
public record SendSsrcs(long videoSsrc, long audioSsrc, String cname, String streamId) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException naming the field, its value and what is allowed
   */
  public SendSsrcs {
    for (long ssrc : new long[] {videoSsrc, audioSsrc}) {
      if (ssrc < 1 || ssrc > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("an SSRC must be 1 to 2^32-1 (was " + ssrc + ")");
      }
    }
    if (videoSsrc == audioSsrc) {
      throw new IllegalArgumentException(
          "video and audio need different SSRCs (both " + videoSsrc + ")");
    }
    checkToken("cname", Objects.requireNonNull(cname, "cname"));
    checkToken("streamId", Objects.requireNonNull(streamId, "streamId"));
  }

  private static void checkToken(String field, String value) {
    if (value.isEmpty()
        || value.length() > 64
        || !value.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      throw new IllegalArgumentException(
          field + " must be 1 to 64 printable ASCII characters without spaces (was " + value + ")");
    }
  }

  long ssrc(MediaKind kind) {
    return kind == MediaKind.VIDEO ? videoSsrc : audioSsrc;
  }

  String trackId(MediaKind kind) {
    return streamId + "-" + kind.sdpName();
  }
}
