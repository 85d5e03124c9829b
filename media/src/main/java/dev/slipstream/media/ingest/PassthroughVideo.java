package dev.slipstream.media.ingest;

import dev.slipstream.media.sdp.NegotiatedCodec;
import java.util.random.RandomGenerator;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;

/** Forwards H.264 as the publisher encoded it, only re-packetised for RTP. */
final class PassthroughVideo implements VideoPath {
  private final H264Track track;
  private final MediaTime time;
  private final H264Packetizer packets;
  private volatile long frames;

  PassthroughVideo(H264Track track, AVStream stream, RandomGenerator random) {
    this.track = track;
    this.time = new MediaTime(stream.time_base());
    this.packets = new H264Packetizer(IngestCodecs.H264_PAYLOAD_TYPE, random);
    packets.setParameterSets(track.parameterSets());
  }

  @Override
  public NegotiatedCodec codec() {
    return IngestCodecs.h264(track.profileLevelId());
  }

  @Override
  public void forward(AVPacket packet, PacketPacing pacing, RtpSink sink) {
    long ticks = time.ticks(packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts());
    if (ticks < 0) {
      return;
    }
    pacing.awaitMediaTime(ticks);
    packets.packetize(track.nalUnits(packet), MediaTime.rtp90k(ticks, pacing), sink);
    frames++;
  }

  @Override
  public void requestKeyframe() {
    // The publisher's encoder decides; RTMP and SRT have no way to ask it.
  }

  @Override
  public void restart() {
    time.restart();
  }

  @Override
  public long frames() {
    return frames;
  }

  @Override
  public void close() {}
}
