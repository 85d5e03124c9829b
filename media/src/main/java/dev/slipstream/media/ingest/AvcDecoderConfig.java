package dev.slipstream.media.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The H.264 decoder configuration an MP4 or FLV stream keeps out of band ({@code
 * AVCDecoderConfigurationRecord}, ISO/IEC 14496-15 5.3.3): how long the NAL size prefixes are and
 * the SPS and PPS units.
 *
 * @param lengthSize bytes in each NAL unit's size prefix: 1, 2 or 4
 * @param parameterSets the SPS units, then the PPS units
 */
record AvcDecoderConfig(int lengthSize, List<NalUnit> parameterSets) {

  /**
   * Reads an {@code avcC} record; empty when {@code extradata} is not one (for instance Annex B
   * parameter sets, as MPEG-TS demuxers leave there) or is cut short.
   */
  static Optional<AvcDecoderConfig> parse(byte[] extradata) {
    if (extradata.length < 7 || extradata[0] != 1) {
      return Optional.empty();
    }
    int lengthSize = (extradata[4] & 0x03) + 1;
    if (lengthSize == 3) {
      return Optional.empty();
    }
    List<NalUnit> sets = new ArrayList<>();
    int at = 5;
    for (int group = 0; group < 2; group++) {
      if (at >= extradata.length) {
        return Optional.empty();
      }
      int count = group == 0 ? extradata[at] & 0x1F : extradata[at] & 0xFF;
      at++;
      for (int n = 0; n < count; n++) {
        if (at + 2 > extradata.length) {
          return Optional.empty();
        }
        int size = ((extradata[at] & 0xFF) << 8) | (extradata[at + 1] & 0xFF);
        at += 2;
        if (size == 0 || at + size > extradata.length) {
          return Optional.empty();
        }
        sets.add(new NalUnit(extradata, at, size));
        at += size;
      }
    }
    return Optional.of(new AvcDecoderConfig(lengthSize, List.copyOf(sets)));
  }
}
