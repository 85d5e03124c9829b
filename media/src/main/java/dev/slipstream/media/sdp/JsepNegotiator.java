package dev.slipstream.media.sdp;

import dev.slipstream.media.srtp.DtlsRole;
import dev.slipstream.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Picks the sections and codecs of an answer, then hands the checks and writing on. */
final class JsepNegotiator implements SdpNegotiator {
  private static final Set<String> NOT_MEDIA_CODECS =
      Set.of("rtx", "red", "ulpfec", "flexfec-03", "cn", "telephone-event");

  private final RandomGenerator random;

  JsepNegotiator(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public Negotiation answerPublisher(String offerSdp, LocalTransport local) {
    Objects.requireNonNull(local, "local");
    SessionDescription offer = OfferParser.parse(offerSdp);
    List<Accepted> accepted = new ArrayList<>();
    Set<MediaKind> taken = EnumSet.noneOf(MediaKind.class);
    for (MediaSection m : offer.media()) {
      MediaKind kind = kindOf(m);
      if (kind == null || !m.isOffered() || !offer.directionOf(m).sends() || taken.contains(kind)) {
        continue;
      }
      requireDtlsSrtp(m);
      int pt =
          CodecChooser.forPublisher(m, kind)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          SdpErrors.NO_SUPPORTED_CODEC,
                          m.describe()
                              + " offers "
                              + offered(m)
                              + "; this server takes "
                              + CodecChooser.accepted(kind)));
      accepted.add(new Accepted(m, kind, pt));
      taken.add(kind);
    }
    if (accepted.isEmpty()) {
      throw SdpErrors.invalid(
          "the offer sends no audio or video; a WHIP offer needs an audio or video section"
              + " with a=sendonly or a=sendrecv");
    }
    return finish(offer, accepted, local, Direction.RECVONLY, null);
  }

  @Override
  public Negotiation answerViewer(
      String offerSdp, StreamCodecs stream, LocalTransport local, SendSsrcs ssrcs) {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(ssrcs, "ssrcs");
    SessionDescription offer = OfferParser.parse(offerSdp);
    List<Accepted> accepted = new ArrayList<>();
    Set<MediaKind> wanted = EnumSet.noneOf(MediaKind.class);
    for (MediaSection m : offer.media()) {
      MediaKind kind = kindOf(m);
      if (kind == null || !m.isOffered() || !offer.directionOf(m).receives() || !wanted.add(kind)) {
        continue;
      }
      NegotiatedCodec sent = stream.of(kind);
      if (sent == null) {
        continue;
      }
      requireDtlsSrtp(m);
      int pt =
          CodecChooser.forViewer(m, sent)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          SdpErrors.NO_COMPATIBLE_CODEC,
                          m.describe()
                              + " offers "
                              + offered(m)
                              + " but the stream is "
                              + describe(sent)));
      accepted.add(new Accepted(m, kind, pt));
    }
    if (accepted.isEmpty() && !wanted.isEmpty()) {
      throw new InvalidInputException(
          SdpErrors.NO_COMPATIBLE_CODEC,
          "the offer receives only "
              + wanted.iterator().next().sdpName()
              + ", which the stream does not have");
    }
    if (accepted.isEmpty()) {
      throw SdpErrors.invalid(
          "the offer receives no audio or video; a WHEP offer needs an audio or video section"
              + " with a=recvonly or a=sendrecv");
    }
    return finish(offer, accepted, local, Direction.SENDONLY, ssrcs);
  }

  @Override
  public IceCredentials newIceCredentials() {
    synchronized (random) {
      return IceCredentials.generate(random);
    }
  }

  private Negotiation finish(
      SessionDescription offer,
      List<Accepted> accepted,
      LocalTransport local,
      Direction direction,
      @Nullable SendSsrcs ssrcs) {
    TransportAttributes remote = OfferChecks.remoteTransport(offer, accepted);
    Map<MediaSection, NegotiatedMedia> media = new LinkedHashMap<>();
    for (Accepted a : accepted) {
      MediaSection m = a.section();
      Integer midId = m.extensions().get(NegotiatedMedia.SDES_MID);
      media.put(
          m,
          new NegotiatedMedia(
              a.mid(),
              a.kind(),
              a.codec(),
              midId == null ? Map.of() : Map.of(NegotiatedMedia.SDES_MID, midId),
              m.feedbackFor(a.payloadType()).stream()
                  .filter(AnswerWriter.FEEDBACK::contains)
                  .collect(Collectors.toSet()),
              m.mediaSsrcs()));
    }
    long sessionId;
    synchronized (random) {
      sessionId = random.nextLong(1, 1L << 62);
    }
    DtlsRole role = OfferChecks.ourDtlsRole(remote);
    String answer = AnswerWriter.write(sessionId, local, offer, media, direction, role, ssrcs);
    Fingerprint fingerprint = Objects.requireNonNull(remote.fingerprint());
    return new Negotiation(
        answer,
        Objects.requireNonNull(remote.iceUfrag()),
        Objects.requireNonNull(remote.icePwd()),
        fingerprint.algorithm(),
        fingerprint.hex(),
        role,
        List.copyOf(media.values()));
  }

  private static @Nullable MediaKind kindOf(MediaSection m) {
    return switch (m.kind()) {
      case "audio" -> MediaKind.AUDIO;
      case "video" -> MediaKind.VIDEO;
      default -> null;
    };
  }

  private static void requireDtlsSrtp(MediaSection m) {
    if (!OfferChecks.isDtlsSrtp(m.protocol())) {
      throw SdpErrors.atLine(
          m.line(),
          "m="
              + m.kind()
              + " uses "
              + m.protocol()
              + "; WebRTC media needs DTLS-SRTP, UDP/TLS/RTP/SAVPF");
    }
  }

  /** Lists a section's codecs for a message, leaving out repair and comfort-noise formats. */
  private static String offered(MediaSection m) {
    String codecs =
        m.formats().stream()
            .map(Integer::valueOf)
            .filter(pt -> m.rtpMaps().containsKey(pt))
            .map(m::codec)
            .filter(c -> !NOT_MEDIA_CODECS.contains(c.name().toLowerCase(Locale.ROOT)))
            .map(JsepNegotiator::describe)
            .distinct()
            .collect(Collectors.joining(", "));
    return codecs.isEmpty() ? "no codec with an a=rtpmap" : codecs;
  }

  private static String describe(NegotiatedCodec codec) {
    if (codec.is("H264")) {
      return "H264 (packetization-mode="
          + codec.fmtp().getOrDefault("packetization-mode", "0")
          + ", profile-level-id="
          + codec.fmtp().getOrDefault("profile-level-id", H264Format.DEFAULT_PROFILE_LEVEL_ID)
          + ")";
    }
    return codec.name()
        + "/"
        + codec.clockRate()
        + (codec.channels() > 1 ? "/" + codec.channels() : "");
  }
}
