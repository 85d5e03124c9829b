package dev.slipstream.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SrtHandshakeTest {
  @Test
  void theStreamIdComesOutOfACapturedConclusionHandshake() throws IOException {
    byte[] packet = resource("srt-conclusion-handshake.bin");

    assertThat(SrtHandshake.streamId(packet, packet.length))
        .contains("sk_abcdefghij0123456789ABCDEFGHIJK");
  }

  @Test
  void anInductionHandshakeADataPacketOrACutOffPacketCarryNoStreamId() throws IOException {
    byte[] induction = resource("srt-induction-handshake.bin");
    byte[] conclusion = resource("srt-conclusion-handshake.bin");
    byte[] data = Arrays.copyOf(conclusion, conclusion.length);
    data[0] = 0x00;

    assertThat(SrtHandshake.streamId(induction, induction.length)).isEmpty();
    assertThat(SrtHandshake.streamId(data, data.length)).isEmpty();
    assertThat(SrtHandshake.streamId(conclusion, conclusion.length - 6)).isEmpty();
    assertThat(SrtHandshake.streamId(conclusion, 40)).isEmpty();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SrtHandshakeTest.class.getResourceAsStream("/ingest/" + name)) {
      return in.readAllBytes();
    }
  }
}
