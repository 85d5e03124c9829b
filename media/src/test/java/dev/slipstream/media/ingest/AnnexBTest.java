package dev.slipstream.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexBTest {
  @Test
  void unitsBetweenThreeAndFourByteStartCodesComeBackWhole() {
    byte[] slice = H264Samples.slice(50);
    byte[] stream = H264Samples.annexB(H264Samples.SPS, H264Samples.PPS, slice);

    List<NalUnit> units = AnnexB.split(stream, stream.length);

    assertThat(units)
        .extracting(NalUnit::toBytes)
        .containsExactly(H264Samples.SPS, H264Samples.PPS, slice);
    assertThat(units).extracting(NalUnit::type).containsExactly(7, 8, 1);
  }

  @Test
  void lengthPrefixedSamplesSplitOnTheirSizesAndACorruptSizeIsRefused() {
    byte[] sample = {0, 0, 0, 2, 0x65, 1, 0, 0, 0, 1, 0x41};

    assertThat(AnnexB.splitLengthPrefixed(sample, sample.length, 4))
        .extracting(NalUnit::toBytes)
        .containsExactly(new byte[] {0x65, 1}, new byte[] {0x41});
    assertThatThrownBy(() -> AnnexB.splitLengthPrefixed(sample, sample.length - 1, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overruns");
  }

  @Test
  void anAvcConfigurationRecordGivesItsPrefixLengthAndParameterSets() {
    byte[] sps = H264Samples.SPS;
    byte[] pps = H264Samples.PPS;
    byte[] record = new byte[6 + 2 + sps.length + 1 + 2 + pps.length];
    int at = 0;
    for (int b : new int[] {1, 0x42, 0xE0, 0x1F, 0xFF, 0xE1, 0, sps.length}) {
      record[at++] = (byte) b;
    }
    System.arraycopy(sps, 0, record, at, sps.length);
    at += sps.length;
    record[at++] = 1;
    record[at++] = 0;
    record[at++] = (byte) pps.length;
    System.arraycopy(pps, 0, record, at, pps.length);

    AvcDecoderConfig config = AvcDecoderConfig.parse(record).orElseThrow();

    assertThat(config.lengthSize()).isEqualTo(4);
    assertThat(config.parameterSets()).extracting(NalUnit::toBytes).containsExactly(sps, pps);
    assertThat(AvcDecoderConfig.parse(new byte[] {0, 0, 0, 1, 0x67})).isEmpty();
    assertThat(AvcDecoderConfig.parse(java.util.Arrays.copyOf(record, 12))).isEmpty();
  }
}
