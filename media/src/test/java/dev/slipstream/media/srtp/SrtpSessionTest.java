package dev.slipstream.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpSessionTest {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * libSRTP's srtp_validate reference packets (AES_CM_128_HMAC_SHA1_80). The master key and salt
   * are those of RFC 3711 Appendix B.3, so the packets check that key derivation, the AES-CM
   * keystream (the B.2 construction) and the HMAC tag together.
   */
  private static final byte[] CM_KEY = HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139");

  private static final byte[] CM_SALT = HEX.parseHex("0ec675ad498afeebb6960b3aabe6");
  private static final String RTP_PLAIN = "800f1234decafbadcafebabe" + "ab".repeat(16);
  private static final String SRTP_CM =
      "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb";
  private static final String RTCP_PLAIN = "81c8000bcafebabe" + "ab".repeat(16);
  private static final String SRTCP_CM =
      "81c8000bcafebabe7128035be487b9bdbef89041f977a5a880000001993e08cd54d6c1230798";

  /** libSRTP's srtp_validate_gcm reference packets (AEAD_AES_128_GCM, 16-byte tag). */
  private static final byte[] GCM_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f");

  private static final byte[] GCM_SALT = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaab");
  private static final String SRTP_GCM =
      "800f1234decafbadcafebabec5002ede04cfdd2eb91159e0880aa06ed2976826f796b201df3131a127e8a392";
  private static final String SRTCP_GCM =
      "81c8000bcafebabec98b8b5df0392a55852b6c21ac8e7025c52c6fbea2b3b446ea31123ba88ce61e80000001";

  @Test
  void aesCmProtectionMatchesTheLibsrtpReferencePackets() {
    SrtpKeyMaterial keys = sameKeysBothWays(SrtpProfile.AES128_CM_HMAC_SHA1_80, CM_KEY, CM_SALT);

    try (SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT)) {
      assertThat(protectRtp(client, RTP_PLAIN)).isEqualTo(SRTP_CM);
    }
    try (SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER)) {
      assertThat(unprotectRtp(server, SRTP_CM)).isEqualTo(RTP_PLAIN);
      assertThat(unprotectRtcp(server, SRTCP_CM)).isEqualTo(RTCP_PLAIN);
    }
  }

  @Test
  void gcmProtectionMatchesTheLibsrtpReferencePackets() {
    SrtpKeyMaterial keys = sameKeysBothWays(SrtpProfile.AEAD_AES_128_GCM, GCM_KEY, GCM_SALT);

    try (SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT)) {
      assertThat(protectRtp(client, RTP_PLAIN)).isEqualTo(SRTP_GCM);
    }
    try (SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER)) {
      assertThat(unprotectRtp(server, SRTP_GCM)).isEqualTo(RTP_PLAIN);
      assertThat(unprotectRtcp(server, SRTCP_GCM)).isEqualTo(RTCP_PLAIN);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void theFirstSrtcpPacketCarriesIndexZeroWithTheEncryptedFlag(SrtpProfile profile) {
    // RFC 3711 §3.4 starts the SRTCP index at zero; libSRTP starts at one, which is why its
    // reference SRTCP packets are checked by unprotecting them rather than by protecting.
    try (SrtpSession client = SrtpSession.create(randomKeys(profile, 15), DtlsRole.CLIENT)) {
      String srtcp = protectRtcp(client, RTCP_PLAIN);

      int indexAt = srtcp.length() - 2 * profile.rtcpOverhead();
      String index =
          profile == SrtpProfile.AEAD_AES_128_GCM
              ? srtcp.substring(srtcp.length() - 8)
              : srtcp.substring(indexAt, indexAt + 8);
      assertThat(index).isEqualTo("80000000");
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void whatTheClientProtectsTheServerRecoversAcrossManyPacketsAndStreams(SrtpProfile profile) {
    SrtpKeyMaterial keys = randomKeys(profile, 1);
    SplittableRandom random = new SplittableRandom(2);
    try (SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT);
        SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER)) {
      for (int i = 0; i < 300; i++) {
        int ssrc = 0x1000 + i % 3;
        byte[] rtp = rtpPacket(ssrc, 65_500 + i, 20 + random.nextInt(1100), random);
        assertRoundTrip(client, server, rtp, true);
        assertRoundTrip(server, client, rtp, true);
        byte[] rtcp = rtcpPacket(ssrc, 4 + random.nextInt(60), random);
        assertRoundTrip(client, server, rtcp, false);
        assertRoundTrip(server, client, rtcp, false);
      }
      assertThat(server.stats().rtpUnprotected()).isEqualTo(300);
      assertThat(server.stats().rtcpProtected()).isEqualTo(300);
      assertThat(server.stats().failures().values()).allMatch(n -> n == 0);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aTamperedPacketIsRefusedAndCountedWithoutThrowing(SrtpProfile profile) {
    SrtpKeyMaterial keys = randomKeys(profile, 3);
    try (SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT);
        SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER)) {
      byte[] packet = withRoom(rtpPacket(7, 1, 100, new SplittableRandom(4)), profile);
      int length = client.protectRtp(packet, 0, 112);
      packet[40] ^= 0x01;

      int result = server.unprotectRtp(packet, 0, length);

      assertThat(SrtpFailure.fromResult(result)).isEqualTo(SrtpFailure.AUTH_FAILED);
      assertThat(server.stats().failures(SrtpFailure.AUTH_FAILED)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aReplayedPacketIsRefusedAndCountedWhileTheOriginalWasAccepted(SrtpProfile profile) {
    SrtpKeyMaterial keys = randomKeys(profile, 5);
    try (SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT);
        SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER)) {
      byte[] packet = withRoom(rtpPacket(7, 10, 100, new SplittableRandom(6)), profile);
      int length = client.protectRtp(packet, 0, 112);
      byte[] copy = Arrays.copyOf(packet, packet.length);

      assertThat(server.unprotectRtp(packet, 0, length)).isEqualTo(112);
      int replay = server.unprotectRtp(copy, 0, length);

      assertThat(SrtpFailure.fromResult(replay)).isEqualTo(SrtpFailure.REPLAYED);
      assertThat(server.stats().failures(SrtpFailure.REPLAYED)).isEqualTo(1);
      assertThat(server.stats().rtpUnprotected()).isEqualTo(1);
    }
  }

  @Test
  void aReplayedRtcpPacketIsRefused() {
    SrtpKeyMaterial keys = randomKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, 7);
    try (SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT);
        SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER)) {
      byte[] packet = withRoom(rtcpPacket(9, 20, new SplittableRandom(8)), keys.profile());
      int length = client.protectRtcp(packet, 0, 28);
      byte[] copy = packet.clone();

      assertThat(server.unprotectRtcp(packet, 0, length)).isEqualTo(28);
      assertThat(SrtpFailure.fromResult(server.unprotectRtcp(copy, 0, length)))
          .isEqualTo(SrtpFailure.REPLAYED);
    }
  }

  @Test
  void packetsKeyedForTheOtherDirectionFailAuthentication() {
    SrtpKeyMaterial keys = randomKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, 9);
    try (SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER);
        SrtpSession alsoServer = SrtpSession.create(keys, DtlsRole.SERVER)) {
      byte[] packet = withRoom(rtpPacket(1, 1, 50, new SplittableRandom(10)), keys.profile());
      int length = server.protectRtp(packet, 0, 62);

      assertThat(SrtpFailure.fromResult(alsoServer.unprotectRtp(packet, 0, length)))
          .isEqualTo(SrtpFailure.AUTH_FAILED);
    }
  }

  @Test
  void shortMalformedAndCrampedPacketsAreRefusedWithTheirReason() {
    SrtpKeyMaterial keys = randomKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, 11);
    try (SrtpSession session = SrtpSession.create(keys, DtlsRole.SERVER)) {
      byte[] tiny = new byte[64];
      tiny[0] = (byte) 0x80;
      byte[] notV2 = new byte[64];
      byte[] extensionPastEnd = rtpPacket(1, 1, 0, new SplittableRandom(1));
      extensionPastEnd[0] = (byte) 0x90;
      byte[] noRoom = rtpPacket(1, 1, 20, new SplittableRandom(1));

      assertThat(failure(session.unprotectRtp(tiny, 0, 11))).isEqualTo(SrtpFailure.TOO_SHORT);
      assertThat(failure(session.unprotectRtp(tiny, 0, 20))).isEqualTo(SrtpFailure.TOO_SHORT);
      assertThat(failure(session.unprotectRtp(notV2, 0, 40))).isEqualTo(SrtpFailure.MALFORMED);
      assertThat(failure(session.protectRtp(extensionPastEnd, 0, 12)))
          .isEqualTo(SrtpFailure.MALFORMED);
      assertThat(failure(session.protectRtp(noRoom, 0, noRoom.length)))
          .isEqualTo(SrtpFailure.BUFFER_TOO_SMALL);
      assertThat(failure(session.unprotectRtcp(tiny, 0, 19))).isEqualTo(SrtpFailure.TOO_SHORT);
      assertThat(session.stats().failures(SrtpFailure.TOO_SHORT)).isEqualTo(3);
    }
  }

  @Test
  void forgedPacketsFromUnknownSsrcsDoNotOccupyStreamSlots() {
    SrtpKeyMaterial keys = randomKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, 12);
    SplittableRandom random = new SplittableRandom(13);
    try (SrtpSession client = SrtpSession.create(keys, DtlsRole.CLIENT);
        SrtpSession server = SrtpSession.create(keys, DtlsRole.SERVER)) {
      for (int ssrc = 0; ssrc < SrtpSession.MAX_STREAMS_PER_DIRECTION + 10; ssrc++) {
        byte[] forged = withRoom(rtpPacket(ssrc, 1, 30, random), keys.profile());
        assertThat(failure(server.unprotectRtp(forged, 0, 52))).isEqualTo(SrtpFailure.AUTH_FAILED);
      }
      byte[] genuine = withRoom(rtpPacket(99_999, 1, 30, random), keys.profile());
      int length = client.protectRtp(genuine, 0, 42);

      assertThat(server.unprotectRtp(genuine, 0, length)).isEqualTo(42);
    }
  }

  @Test
  void aClosedSessionRefusesEverything() {
    SrtpSession session =
        SrtpSession.create(randomKeys(SrtpProfile.AEAD_AES_128_GCM, 14), DtlsRole.SERVER);
    session.close();
    byte[] packet = withRoom(rtpPacket(1, 1, 10, new SplittableRandom(1)), session.profile());

    assertThat(failure(session.protectRtp(packet, 0, 22))).isEqualTo(SrtpFailure.CLOSED);
    assertThat(failure(session.unprotectRtcp(packet, 0, 22))).isEqualTo(SrtpFailure.CLOSED);
  }

  @Test
  void theExporterOutputIsSplitClientKeyServerKeyClientSaltServerSalt() {
    byte[] exported = new byte[SrtpProfile.AES128_CM_HMAC_SHA1_80.exporterLength()];
    for (int i = 0; i < exported.length; i++) {
      exported[i] = (byte) i;
    }

    SrtpKeyMaterial keys =
        SrtpKeyMaterial.fromDtlsExporter(SrtpProfile.AES128_CM_HMAC_SHA1_80, exported);

    assertThat(keys.clientMasterKey()).isEqualTo(Arrays.copyOfRange(exported, 0, 16));
    assertThat(keys.serverMasterKey()).isEqualTo(Arrays.copyOfRange(exported, 16, 32));
    assertThat(keys.clientMasterSalt()).isEqualTo(Arrays.copyOfRange(exported, 32, 46));
    assertThat(keys.serverMasterSalt()).isEqualTo(Arrays.copyOfRange(exported, 46, 60));
    assertThat(keys.toString()).doesNotContain("[B@").contains("AES128_CM_HMAC_SHA1_80");
  }

  private static void assertRoundTrip(
      SrtpSession sender, SrtpSession receiver, byte[] plain, boolean rtp) {
    byte[] packet = withRoom(plain, sender.profile());
    int sent =
        rtp
            ? sender.protectRtp(packet, 0, plain.length)
            : sender.protectRtcp(packet, 0, plain.length);
    assertThat(sent)
        .isEqualTo(
            plain.length
                + (rtp ? sender.profile().rtpOverhead() : sender.profile().rtcpOverhead()));
    int received =
        rtp ? receiver.unprotectRtp(packet, 0, sent) : receiver.unprotectRtcp(packet, 0, sent);
    assertThat(received).isEqualTo(plain.length);
    assertThat(Arrays.copyOf(packet, received)).isEqualTo(plain);
  }

  private static SrtpFailure failure(int result) {
    return SrtpFailure.fromResult(result);
  }

  private static SrtpKeyMaterial sameKeysBothWays(SrtpProfile profile, byte[] key, byte[] salt) {
    return new SrtpKeyMaterial(profile, key, salt, key, salt);
  }

  private static SrtpKeyMaterial randomKeys(SrtpProfile profile, long seed) {
    byte[] exported = new byte[profile.exporterLength()];
    new SplittableRandom(seed).nextBytes(exported);
    return SrtpKeyMaterial.fromDtlsExporter(profile, exported);
  }

  private static byte[] withRoom(byte[] packet, SrtpProfile profile) {
    return Arrays.copyOf(packet, packet.length + profile.rtcpOverhead());
  }

  private static byte[] rtpPacket(int ssrc, int sequence, int payload, SplittableRandom random) {
    byte[] p = new byte[12 + payload];
    random.nextBytes(p);
    p[0] = (byte) 0x80;
    p[1] = 96;
    p[2] = (byte) (sequence >> 8);
    p[3] = (byte) sequence;
    writeInt(p, 8, ssrc);
    return p;
  }

  private static byte[] rtcpPacket(int ssrc, int body, SplittableRandom random) {
    byte[] p = new byte[8 + body];
    random.nextBytes(p);
    p[0] = (byte) 0x80;
    p[1] = (byte) 200;
    writeInt(p, 4, ssrc);
    return p;
  }

  private static void writeInt(byte[] p, int at, int value) {
    p[at] = (byte) (value >> 24);
    p[at + 1] = (byte) (value >> 16);
    p[at + 2] = (byte) (value >> 8);
    p[at + 3] = (byte) value;
  }

  private static String protectRtp(SrtpSession s, String hex) {
    byte[] p = Arrays.copyOf(HEX.parseHex(hex), 64);
    return HEX.formatHex(p, 0, s.protectRtp(p, 0, hex.length() / 2));
  }

  private static String protectRtcp(SrtpSession s, String hex) {
    byte[] p = Arrays.copyOf(HEX.parseHex(hex), 64);
    return HEX.formatHex(p, 0, s.protectRtcp(p, 0, hex.length() / 2));
  }

  private static String unprotectRtp(SrtpSession s, String hex) {
    byte[] p = HEX.parseHex(hex);
    return HEX.formatHex(p, 0, s.unprotectRtp(p, 0, p.length));
  }

  private static String unprotectRtcp(SrtpSession s, String hex) {
    byte[] p = HEX.parseHex(hex);
    return HEX.formatHex(p, 0, s.unprotectRtcp(p, 0, p.length));
  }
}
