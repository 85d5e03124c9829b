package dev.slipstream.media.ingest;

import static dev.slipstream.media.ffmpeg.FfmpegException.check;

import dev.slipstream.media.ffmpeg.FfmpegLog;
import java.util.Arrays;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a demuxed audio track (AAC from RTMP, whatever a file holds) into Opus: decode, resample to
 * 48 kHz stereo 16-bit, cut into 20 ms frames, encode. The resampler is set up from the first
 * decoded frame, since containers often misstate the layout. Owned by one thread.
 */
final class OpusTranscoder implements AutoCloseable {
  private final AVCodecContext decoder;
  private final AVFrame decoded = avutil.av_frame_alloc();
  private final OpusEncoder encoder = new OpusEncoder(64_000);
  private final AVChannelLayout stereo = new AVChannelLayout();
  private @Nullable SwrContext resampler;
  private ShortPointer resampled = new ShortPointer(8192L * 2);
  private short[] pending = new short[OpusEncoder.FRAME_SAMPLES * 2 * 4];
  private int pendingShorts;
  private long samplesIn;

  /**
   * Opens a decoder for {@code codec}.
   *
   * @throws UnsupportedMediaException when FFmpeg cannot decode it
   */
  OpusTranscoder(AVCodecParameters codec) throws UnsupportedMediaException {
    FfmpegLog.install();
    AVCodec found = avcodec.avcodec_find_decoder(codec.codec_id());
    if (found == null) {
      encoder.close();
      throw new UnsupportedMediaException(
          "no decoder for audio " + avcodec.avcodec_get_name(codec.codec_id()).getString());
    }
    decoder = avcodec.avcodec_alloc_context3(found);
    avcodec.avcodec_parameters_to_context(decoder, codec);
    check(
        "opening the audio decoder",
        avcodec.avcodec_open2(decoder, found, (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
    avutil.av_channel_layout_default(stereo, 2);
  }

  /** Decodes one packet and hands each whole Opus packet that results to {@code out}. */
  void push(AVPacket packet, Consumer<byte[]> out) {
    if (avcodec.avcodec_send_packet(decoder, packet) < 0) {
      return; // a damaged audio packet: skip it, as players do
    }
    while (avcodec.avcodec_receive_frame(decoder, decoded) >= 0) {
      resample(decoded);
      avutil.av_frame_unref(decoded);
      while (pendingShorts >= OpusEncoder.FRAME_SAMPLES * 2) {
        short[] frame = Arrays.copyOf(pending, OpusEncoder.FRAME_SAMPLES * 2);
        pendingShorts -= frame.length;
        System.arraycopy(pending, frame.length, pending, 0, pendingShorts);
        for (byte[] opus : encoder.encode(frame, samplesIn)) {
          out.accept(opus);
        }
        samplesIn += OpusEncoder.FRAME_SAMPLES;
      }
    }
  }

  private void resample(AVFrame frame) {
    if (resampler == null) {
      PointerPointer<SwrContext> created = new PointerPointer<SwrContext>(new SwrContext[] {null});
      check(
          "setting up the resampler",
          swresample.swr_alloc_set_opts2(
              created,
              stereo,
              avutil.AV_SAMPLE_FMT_S16,
              48_000,
              frame.ch_layout(),
              frame.format(),
              frame.sample_rate(),
              0,
              null));
      resampler = new SwrContext(created.get(0));
      check("swr_init", swresample.swr_init(resampler));
    }
    int room = swresample.swr_get_out_samples(resampler, frame.nb_samples());
    if (resampled.capacity() < room * 2L) {
      resampled = new ShortPointer(room * 2L);
    }
    // An array, not new PointerPointer(pointer): that constructor casts instead of wrapping.
    PointerPointer<BytePointer> output =
        new PointerPointer<BytePointer>(new BytePointer[] {new BytePointer(resampled)});
    int got =
        swresample.swr_convert(resampler, output, room, frame.extended_data(), frame.nb_samples());
    if (got <= 0) {
      return;
    }
    if (pending.length < pendingShorts + got * 2) {
      pending = Arrays.copyOf(pending, (pendingShorts + got * 2) * 2);
    }
    resampled.position(0).get(pending, pendingShorts, got * 2);
    pendingShorts += got * 2;
  }

  /** Drops decoder state after the input seeks back to its start. */
  void restart() {
    avcodec.avcodec_flush_buffers(decoder);
  }

  @Override
  public void close() {
    if (resampler != null) {
      swresample.swr_free(resampler);
    }
    avutil.av_frame_free(decoded);
    avcodec.avcodec_free_context(decoder);
    encoder.close();
    avutil.av_channel_layout_uninit(stereo);
  }
}
