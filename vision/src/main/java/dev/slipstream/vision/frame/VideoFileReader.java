package dev.slipstream.vision.frame;

import dev.slipstream.platform.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.jspecify.annotations.Nullable;

/**
 * Reads the video of a file with FFmpeg as {@link VideoFrame}s scaled to a chosen width: the
 * pipeline's source for recorded clips (benchmarks, real footage tests, a demo without the media
 * plane). Media times come from the file's timestamps; the wall clock of each frame is left to the
 * caller, which knows how it paces them. Owned by one thread; {@link #close()} frees FFmpeg's
 * state.
 */
public final class VideoFileReader implements AutoCloseable {
  private final AVFormatContext format;
  private final AVCodecContext decoder;
  private final int streamIndex;
  private final double secondsPerTick;
  private final int width;
  private final int height;
  private final AVPacket packet = avcodec.av_packet_alloc();
  private final AVFrame picture = avutil.av_frame_alloc();
  private final BytePointer scaled;
  private final PointerPointer<BytePointer> scaledPlanes;
  private final IntPointer scaledStrides;
  private @Nullable SwsContext scaler;
  private boolean draining;
  private boolean finished;
  private long lastMediaTimeUs = Long.MIN_VALUE;

  private VideoFileReader(
      AVFormatContext format, AVCodecContext decoder, int streamIndex, int outWidth) {
    this.format = format;
    this.decoder = decoder;
    this.streamIndex = streamIndex;
    AVStream stream = format.streams(streamIndex);
    this.secondsPerTick = avutil.av_q2d(stream.time_base());
    this.width = outWidth;
    // Even height keeps the scaled picture's aspect within half a pixel and suits encoders.
    this.height =
        Math.max(
            2, (int) Math.round(decoder.height() * (double) outWidth / decoder.width() / 2) * 2);
    this.scaled = new BytePointer((long) width * height * 3);
    // swscale reads four planes and strides whatever the format; packed BGR uses the first.
    this.scaledPlanes = new PointerPointer<>(scaled, null, null, null);
    this.scaledStrides = new IntPointer(new int[] {width * 3, 0, 0, 0});
  }

  /**
   * Opens the first video stream of {@code file}, to be scaled to {@code width} pixels wide (the
   * height follows the aspect ratio); a width of 0 keeps the file's size.
   *
   * @throws InvalidInputException if the file is missing, unreadable or holds no decodable video
   */
  public static VideoFileReader open(Path file, int width) {
    if (!Files.isReadable(file)) {
      throw new InvalidInputException(
          "video_file_missing", "video file " + file + " does not exist or cannot be read");
    }
    if (width < 0 || width == 1 || width > 7680) {
      throw new IllegalArgumentException("width=" + width + ": must be 0 (as is) or 2 to 7680");
    }
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    AVFormatContext format = avformat.avformat_alloc_context();
    if (avformat.avformat_open_input(format, file.toString(), null, (AVDictionary) null) < 0) {
      throw unreadable(file, "FFmpeg cannot open it");
    }
    try {
      if (avformat.avformat_find_stream_info(format, (PointerPointer<?>) null) < 0) {
        throw unreadable(file, "FFmpeg finds no streams in it");
      }
      int index =
          avformat.av_find_best_stream(
              format, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
      if (index < 0) {
        throw unreadable(file, "it has no video stream");
      }
      AVCodec codec = avcodec.avcodec_find_decoder(format.streams(index).codecpar().codec_id());
      if (codec == null) {
        throw unreadable(file, "this FFmpeg build has no decoder for its video");
      }
      AVCodecContext decoder = avcodec.avcodec_alloc_context3(codec);
      avcodec.avcodec_parameters_to_context(decoder, format.streams(index).codecpar());
      decoder.thread_count(1);
      if (avcodec.avcodec_open2(decoder, codec, (AVDictionary) null) < 0) {
        avcodec.avcodec_free_context(decoder);
        throw unreadable(file, "its video decoder does not open");
      }
      return new VideoFileReader(format, decoder, index, width == 0 ? decoder.width() : width);
    } catch (RuntimeException e) {
      avformat.avformat_close_input(format);
      throw e;
    }
  }

  /** Returns the width of the frames handed out. */
  public int width() {
    return width;
  }

  /** Returns the height of the frames handed out. */
  public int height() {
    return height;
  }

  /** Returns the file's nominal frame rate, or 0 when it does not say. */
  public double framesPerSecond() {
    var rate = format.streams(streamIndex).avg_frame_rate();
    return rate.den() == 0 ? 0 : avutil.av_q2d(rate);
  }

  /**
   * Returns the next frame, stamped {@code capturedAtUnixMicros}, or empty at the end of the file.
   * Pictures FFmpeg cannot decode are passed over; timestamps that do not increase are moved one
   * microsecond past the previous frame.
   */
  public Optional<VideoFrame> next(long capturedAtUnixMicros) {
    while (!finished) {
      int received = avcodec.avcodec_receive_frame(decoder, picture);
      if (received >= 0) {
        try {
          return Optional.of(toFrame(capturedAtUnixMicros));
        } finally {
          avutil.av_frame_unref(picture);
        }
      }
      if (received == avutil.AVERROR_EOF) {
        finished = true;
      } else if (draining) {
        finished = true;
      } else {
        feed();
      }
    }
    return Optional.empty();
  }

  private void feed() {
    while (true) {
      if (avformat.av_read_frame(format, packet) < 0) {
        draining = true;
        avcodec.avcodec_send_packet(decoder, null);
        return;
      }
      try {
        if (packet.stream_index() == streamIndex) {
          // A packet the decoder refuses is a corrupt picture: skip it and read on.
          avcodec.avcodec_send_packet(decoder, packet);
          return;
        }
      } finally {
        avcodec.av_packet_unref(packet);
      }
    }
  }

  private VideoFrame toFrame(long capturedAtUnixMicros) {
    long pts = picture.best_effort_timestamp();
    long mediaTimeUs =
        pts == avutil.AV_NOPTS_VALUE ? lastMediaTimeUs + 1 : Math.round(pts * secondsPerTick * 1e6);
    if (lastMediaTimeUs != Long.MIN_VALUE && mediaTimeUs <= lastMediaTimeUs) {
      mediaTimeUs = lastMediaTimeUs + 1;
    }
    lastMediaTimeUs = mediaTimeUs;
    scaler =
        swscale.sws_getCachedContext(
            scaler,
            picture.width(),
            picture.height(),
            picture.format(),
            width,
            height,
            avutil.AV_PIX_FMT_BGR24,
            swscale.SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    swscale.sws_scale(
        scaler,
        picture.data(),
        picture.linesize(),
        0,
        picture.height(),
        scaledPlanes,
        scaledStrides);
    byte[] bgr = new byte[width * height * 3];
    scaled.position(0).get(bgr);
    return new VideoFrame(mediaTimeUs, capturedAtUnixMicros, width, height, bgr);
  }

  private static InvalidInputException unreadable(Path file, String why) {
    return new InvalidInputException(
        "video_file_unreadable", "video file " + file + " cannot be read: " + why);
  }

  @Override
  public void close() {
    avformat.avformat_close_input(format);
    avcodec.avcodec_free_context(decoder);
    avutil.av_frame_free(picture);
    avcodec.av_packet_free(packet);
    swscale.sws_freeContext(scaler);
    scaledPlanes.close();
    scaledStrides.close();
    scaled.close();
  }
}
