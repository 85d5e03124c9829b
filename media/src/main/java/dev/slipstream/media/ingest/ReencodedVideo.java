package dev.slipstream.media.ingest;

import static dev.slipstream.media.ffmpeg.FfmpegException.check;

import dev.slipstream.media.ffmpeg.FfmpegLog;
import dev.slipstream.media.sdp.NegotiatedCodec;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Decodes a track WebRTC cannot play (MPEG-4, HEVC, H.264 with B-frames) and re-encodes it as
 * constrained baseline H.264, scaled to fit 640×360, a keyframe every 2 s. Used for files only: a
 * live publisher is asked to send H.264 instead, since re-encoding costs CPU and latency.
 */
final class ReencodedVideo implements VideoPath {
  private final AVCodecContext decoder;
  private final AVFrame decoded = avutil.av_frame_alloc();
  private final MediaTime time;
  private final H264Encoder encoder;
  private final H264Packetizer packets;
  private final AtomicBoolean keyframeWanted = new AtomicBoolean();
  private final int keyframeInterval;
  private volatile long frames;

  ReencodedVideo(AVStream stream, RandomGenerator random) throws UnsupportedMediaException {
    FfmpegLog.install();
    AVCodec codec = avcodec.avcodec_find_decoder(stream.codecpar().codec_id());
    if (codec == null) {
      throw new UnsupportedMediaException(
          "no decoder for video "
              + avcodec.avcodec_get_name(stream.codecpar().codec_id()).getString());
    }
    if (stream.codecpar().width() <= 0 || stream.codecpar().height() <= 0) {
      throw new UnsupportedMediaException("the video's picture size is unknown");
    }
    decoder = avcodec.avcodec_alloc_context3(codec);
    avcodec.avcodec_parameters_to_context(decoder, stream.codecpar());
    check("opening the video decoder", avcodec.avcodec_open2(decoder, codec, (AVDictionary) null));
    int width = stream.codecpar().width();
    int height = stream.codecpar().height();
    double scale = Math.min(1.0, Math.min(640.0 / width, 360.0 / height));
    int fps = frameRate(stream);
    keyframeInterval = 2 * fps;
    encoder =
        new H264Encoder(
            even(width * scale),
            even(height * scale),
            fps,
            SyntheticFrames.VIDEO_BITRATE,
            keyframeInterval);
    time = new MediaTime(stream.time_base());
    packets = new H264Packetizer(IngestCodecs.H264_PAYLOAD_TYPE, random);
  }

  private static int frameRate(AVStream stream) {
    double rate = avutil.av_q2d(stream.avg_frame_rate());
    return rate >= 1 && rate <= 120 ? (int) Math.round(rate) : 30;
  }

  private static int even(double size) {
    return Math.max(2, ((int) size) & ~1);
  }

  @Override
  public NegotiatedCodec codec() {
    return IngestCodecs.h264(IngestCodecs.CONSTRAINED_BASELINE_31);
  }

  @Override
  public void forward(AVPacket packet, PacketPacing pacing, RtpSink sink) {
    if (avcodec.avcodec_send_packet(decoder, packet) < 0) {
      return; // a damaged packet: the decoder resynchronises at the next keyframe
    }
    while (avcodec.avcodec_receive_frame(decoder, decoded) >= 0) {
      try {
        long ticks = time.ticks(decoded.best_effort_timestamp());
        if (ticks >= 0) {
          pacing.awaitMediaTime(ticks);
          boolean keyframe = frames % keyframeInterval == 0 | keyframeWanted.getAndSet(false);
          byte[] unit = encoder.encode(decoded, frames, keyframe);
          packets.packetize(unit, unit.length, MediaTime.rtp90k(ticks, pacing), sink);
          frames++;
        }
      } finally {
        avutil.av_frame_unref(decoded);
      }
    }
  }

  @Override
  public void requestKeyframe() {
    keyframeWanted.set(true);
  }

  @Override
  public void restart() {
    avcodec.avcodec_flush_buffers(decoder);
    time.restart();
  }

  @Override
  public long frames() {
    return frames;
  }

  @Override
  public void close() {
    encoder.close();
    avutil.av_frame_free(decoded);
    avcodec.avcodec_free_context(decoder);
  }
}
