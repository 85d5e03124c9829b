package dev.slipstream.media.sdp;

import org.jspecify.annotations.Nullable;

/**
 * What a publisher sends, which a viewer's answer must match because the SFU forwards the packets
 * as they are and never transcodes.
 *
 * @param video the publisher's video codec, or null when it sends no video
 * @param audio the publisher's audio codec, or null when it sends no audio
 */
public record StreamCodecs(@Nullable NegotiatedCodec video, @Nullable NegotiatedCodec audio) {

  /**
   * Checks that there is something to send.
   *
   * @throws IllegalArgumentException when both are null
   */
  public StreamCodecs {
    if (video == null && audio == null) {
      throw new IllegalArgumentException("a stream needs a video or an audio codec");
    }
  }

  /** Returns the codecs a publisher negotiated with {@link SdpNegotiator#answerPublisher}. */
  public static StreamCodecs of(Negotiation publisher) {
    return new StreamCodecs(
        publisher.media(MediaKind.VIDEO).map(NegotiatedMedia::codec).orElse(null),
        publisher.media(MediaKind.AUDIO).map(NegotiatedMedia::codec).orElse(null));
  }

  @Nullable NegotiatedCodec of(MediaKind kind) {
    return kind == MediaKind.VIDEO ? video : audio;
  }
}
