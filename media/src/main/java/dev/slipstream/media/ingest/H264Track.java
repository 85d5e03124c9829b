package dev.slipstream.media.ingest;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;

/**
 * A demuxed H.264 track, forwarded without re-encoding: packets from FLV or MP4 are length-prefixed
 * and get their parameter sets from the {@code avcC} extradata; packets from MPEG-TS are already
 * Annex B. Only what browsers decode in WebRTC passes: Baseline, Main or High profile and no
 * B-frames (WebRTC has no reordering, so B-frames would play out of order).
 */
final class H264Track {
  private static final String DEFAULT_PROFILE_LEVEL_ID = IngestCodecs.CONSTRAINED_BASELINE_31;

  private final int lengthSize;
  private final List<NalUnit> parameterSets;
  private final String profileLevelId;
  private byte[] buffer = new byte[64 * 1024];

  private H264Track(int lengthSize, List<NalUnit> parameterSets) {
    this.lengthSize = lengthSize;
    this.parameterSets = parameterSets;
    this.profileLevelId =
        parameterSets.stream()
            .filter(u -> u.type() == NalUnit.SPS && u.length() >= 4)
            .findFirst()
            .map(sps -> HexFormat.of().formatHex(sps.data(), sps.offset() + 1, sps.offset() + 4))
            .orElse(DEFAULT_PROFILE_LEVEL_ID);
  }

  /**
   * Returns the track for a demuxed stream's parameters.
   *
   * @throws UnsupportedMediaException when the stream is not H.264 WebRTC can play
   */
  static H264Track of(AVCodecParameters codec) throws UnsupportedMediaException {
    if (codec.codec_id() != avcodec.AV_CODEC_ID_H264) {
      throw new UnsupportedMediaException(
          "video is "
              + avcodec.avcodec_get_name(codec.codec_id()).getString()
              + "; only H.264 is accepted");
    }
    byte[] extradata = new byte[Math.max(0, codec.extradata_size())];
    if (extradata.length > 0) {
      codec.extradata().position(0).get(extradata);
    }
    Optional<AvcDecoderConfig> avcc = AvcDecoderConfig.parse(extradata);
    H264Track track =
        avcc.map(c -> new H264Track(c.lengthSize(), c.parameterSets()))
            .orElseGet(() -> new H264Track(0, AnnexB.split(extradata, extradata.length)));
    int profile = Integer.parseInt(track.profileLevelId.substring(0, 2), 16);
    if (profile != 66 && profile != 77 && profile != 100) {
      throw new UnsupportedMediaException(
          "H.264 profile_idc " + profile + " is not Baseline, Main or High");
    }
    if (codec.video_delay() > 0) {
      throw new UnsupportedMediaException(
          "H.264 with B-frames cannot be forwarded to WebRTC; set B-frames to 0 in the encoder");
    }
    return track;
  }

  String profileLevelId() {
    return profileLevelId;
  }

  List<NalUnit> parameterSets() {
    return parameterSets;
  }

  /**
   * Returns the NAL units of one demuxed packet.
   *
   * @throws IllegalArgumentException when a length-prefixed packet is corrupt
   */
  List<NalUnit> nalUnits(AVPacket packet) {
    int size = packet.size();
    if (buffer.length < size) {
      buffer = new byte[Math.max(size, buffer.length * 2)];
    }
    packet.data().position(0).get(buffer, 0, size);
    return lengthSize == 0
        ? AnnexB.split(buffer, size)
        : AnnexB.splitLengthPrefixed(buffer, size, lengthSize);
  }
}
