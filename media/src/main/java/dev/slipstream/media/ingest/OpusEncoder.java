package dev.slipstream.media.ingest;

import static dev.slipstream.media.ffmpeg.FfmpegException.check;

import dev.slipstream.media.ffmpeg.FfmpegLog;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Encodes 48 kHz stereo PCM to Opus with libopus through FFmpeg, 20 ms (960 samples) a frame. Owned
 * by one thread; {@link #close()} frees the native state.
 */
final class OpusEncoder implements AutoCloseable {
  /** Samples per channel in one frame: 20 ms at 48 kHz. */
  static final int FRAME_SAMPLES = 960;

  static final int CHANNELS = 2;

  private final AVCodecContext context;
  private final AVFrame frame;
  private final AVPacket packet;

  OpusEncoder(int bitrate) {
    FfmpegLog.install();
    AVCodec codec = avcodec.avcodec_find_encoder_by_name("libopus");
    if (codec == null) {
      throw new IllegalStateException("this FFmpeg build has no libopus encoder");
    }
    context = avcodec.avcodec_alloc_context3(codec);
    context.sample_rate(48_000).sample_fmt(avutil.AV_SAMPLE_FMT_S16).bit_rate(bitrate);
    context.time_base(avutil.av_make_q(1, 48_000));
    avutil.av_channel_layout_default(context.ch_layout(), CHANNELS);
    check(
        "avcodec_open2(libopus)",
        avcodec.avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
    if (context.frame_size() != FRAME_SAMPLES) {
      throw new IllegalStateException("libopus wants " + context.frame_size() + " samples a frame");
    }
    frame = avutil.av_frame_alloc();
    frame.format(avutil.AV_SAMPLE_FMT_S16).nb_samples(FRAME_SAMPLES).sample_rate(48_000);
    check(
        "av_channel_layout_copy",
        avutil.av_channel_layout_copy(frame.ch_layout(), context.ch_layout()));
    check("av_frame_get_buffer", avutil.av_frame_get_buffer(frame, 0));
    packet = avcodec.av_packet_alloc();
  }

  /**
   * Encodes one frame of {@link #FRAME_SAMPLES} interleaved stereo samples starting at sample
   * {@code pts}; returns the Opus packets that came out (the encoder's look-ahead delays the
   * first).
   */
  List<byte[]> encode(short[] interleaved, long pts) {
    if (interleaved.length != FRAME_SAMPLES * CHANNELS) {
      throw new IllegalArgumentException("expected " + FRAME_SAMPLES * CHANNELS + " samples");
    }
    check("av_frame_make_writable", avutil.av_frame_make_writable(frame));
    new ShortPointer(frame.data(0)).put(interleaved);
    frame.pts(pts);
    check("avcodec_send_frame", avcodec.avcodec_send_frame(context, frame));
    List<byte[]> out = new ArrayList<>(1);
    while (true) {
      int result = avcodec.avcodec_receive_packet(context, packet);
      if (result == avutil.AVERROR_EAGAIN() || result == avutil.AVERROR_EOF) {
        return out;
      }
      check("avcodec_receive_packet", result);
      byte[] data = new byte[packet.size()];
      packet.data().position(0).get(data);
      avcodec.av_packet_unref(packet);
      out.add(data);
    }
  }

  @Override
  public void close() {
    avutil.av_frame_free(frame);
    avcodec.av_packet_free(packet);
    avcodec.avcodec_free_context(context);
  }
}
