package dev.slipstream.bench.viewers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.media.sdp.Candidate;
import dev.slipstream.media.sdp.LocalTransport;
import dev.slipstream.media.sdp.MediaKind;
import dev.slipstream.media.sdp.Negotiation;
import dev.slipstream.media.sdp.SdpNegotiator;
import dev.slipstream.media.sdp.SendSsrcs;
import dev.slipstream.media.sdp.StreamCodecs;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WhepExchangeTest {
  private static final ClientCertificate CERTIFICATE =
      ClientCertificate.generate(Clock.systemUTC(), new SecureRandom());
  private static final String SERVER_FINGERPRINT =
      "3F:9A:61:C2:D0:7E:5B:14:48:A2:C9:E0:73:16:FD:52:B8:E4:3A:0C:9D:1F:76:E2:5A:08:B3:C4:D7:E6:F1:90";

  private final SdpNegotiator negotiator = SdpNegotiator.create(new SplittableRandom(3));
  private final LocalTransport server =
      new LocalTransport(
          "srvUfrag",
          "serverPasswordThatIsLongEnough",
          "sha-256",
          SERVER_FINGERPRINT,
          List.of(
              new Candidate("1", 1, Candidate.Protocol.UDP, 2_130_706_431L, "127.0.0.1", 40_000),
              new Candidate("2", 1, Candidate.Protocol.UDP, 2_000_000_000L, "10.0.0.5", 40_001),
              new Candidate("3", 1, Candidate.Protocol.TCP, 2_130_706_432L, "127.0.0.1", 40_002)));
  private final SendSsrcs ssrcs = new SendSsrcs(0x1111_1111L, 0x2222_2222L, "cname", "str_x");

  private Negotiation negotiate() {
    String offer =
        new WhepOffer("viewerUf", "viewerPasswordLongEnough1", CERTIFICATE.fingerprint()).sdp();
    return negotiator.answerViewer(
        offer,
        new StreamCodecs(SyntheticH264Source.VIDEO, SyntheticH264Source.AUDIO),
        server,
        ssrcs);
  }

  @Test
  void theServerAcceptsTheOfferWithTheSourcesOwnCodecs() {
    Negotiation answer = negotiate();

    assertThat(answer.media(MediaKind.VIDEO).orElseThrow().codec().payloadType()).isEqualTo(102);
    assertThat(answer.media(MediaKind.AUDIO).orElseThrow().codec().payloadType()).isEqualTo(111);
  }

  @Test
  void theAnswerGivesTheServersCredentialsFingerprintBestUdpCandidateAndSsrcs() {
    WhepAnswer answer = WhepAnswer.parse(negotiate().answerSdp());

    assertThat(answer.iceUfrag()).isEqualTo("srvUfrag");
    assertThat(answer.icePwd()).isEqualTo("serverPasswordThatIsLongEnough");
    assertThat(answer.fingerprint().value()).isEqualTo(SERVER_FINGERPRINT);
    assertThat(answer.candidate().getPort()).isEqualTo(40_000);
    assertThat(answer.ssrcs()).containsExactlyInAnyOrder(0x1111_1111L, 0x2222_2222L);
  }

  @Test
  void anAnswerWithoutAUdpCandidateIsRefusedWithTheReason() {
    String tcpOnly = negotiate().answerSdp().replaceAll("a=candidate:[12] [^\r\n]*\r\n", "");

    assertThatThrownBy(() -> WhepAnswer.parse(tcpOnly))
        .hasMessageContaining("no IPv4 UDP candidate");
  }
}
