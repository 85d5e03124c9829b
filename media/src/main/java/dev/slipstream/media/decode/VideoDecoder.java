package dev.slipstream.media.decode;

import static dev.slipstream.media.ffmpeg.FfmpegException.check;

import dev.slipstream.media.ffmpeg.FfmpegLog;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes H.264 or VP8 frames with FFmpeg on one thread and scales the pictures it is asked for to
 * packed BGR of a given width. Every frame must be decoded (later ones reference it); only the
 * frames the caller wants pay for scaling. Owned by one thread; {@link #close()} frees the native
 * state.
 */
final class VideoDecoder implements AutoCloseable {
  /** What the decoder made of one frame. */
  interface Pictures {
    /**
     * Called for each picture the decoder outputs, with the {@code pts} its frame was sent with.
     */
    void picture(VideoDecoder decoder, long pts);
  }

  private final AVCodecContext context;
  private final AVPacket packet = avcodec.av_packet_alloc();
  private final AVFrame frame = avutil.av_frame_alloc();
  private @Nullable SwsContext scaler;
  private @Nullable BytePointer scaled;
  private long scaledCapacity;

  private VideoDecoder(AVCodecContext context) {
    this.context = context;
  }

  /**
   * Opens a decoder for an RTP encoding name ({@code H264} or {@code VP8}).
   *
   * @throws IllegalArgumentException for any other encoding
   */
  static VideoDecoder open(String encodingName) {
    FfmpegLog.install();
    int id =
        switch (encodingName.toUpperCase(Locale.ROOT)) {
          case "H264" -> avcodec.AV_CODEC_ID_H264;
          case "VP8" -> avcodec.AV_CODEC_ID_VP8;
          default ->
              throw new IllegalArgumentException("the decode tap cannot decode " + encodingName);
        };
    AVCodec codec = avcodec.avcodec_find_decoder(id);
    if (codec == null) {
      throw new IllegalStateException("this FFmpeg build has no " + encodingName + " decoder");
    }
    AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
    context.thread_count(1);
    check(
        "avcodec_open2(" + encodingName + ")",
        avcodec.avcodec_open2(context, codec, (AVDictionary) null));
    return new VideoDecoder(context);
  }

  /**
   * Decodes one frame.
   *
   * @return false when FFmpeg refused the data (a corrupt frame); the decoder stays usable
   */
  boolean decode(EncodedFrame encoded, long pts, Pictures pictures) {
    check("av_new_packet", avcodec.av_new_packet(packet, encoded.data().length));
    packet.data().position(0).put(encoded.data());
    packet.pts(pts).dts(pts);
    if (encoded.keyframe()) {
      packet.flags(packet.flags() | avcodec.AV_PKT_FLAG_KEY);
    }
    int sent = avcodec.avcodec_send_packet(context, packet);
    avcodec.av_packet_unref(packet);
    if (sent < 0 && sent != avutil.AVERROR_EAGAIN()) {
      return false;
    }
    while (true) {
      int received = avcodec.avcodec_receive_frame(context, frame);
      if (received < 0) {
        return received == avutil.AVERROR_EAGAIN() || received == avutil.AVERROR_EOF;
      }
      try {
        pictures.picture(this, frame.pts());
      } finally {
        avutil.av_frame_unref(frame);
      }
    }
  }

  /** Width of the picture being handed out, in pixels. */
  int pictureWidth() {
    return frame.width();
  }

  /** Height of the picture being handed out, in pixels. */
  int pictureHeight() {
    return frame.height();
  }

  /**
   * Scales the picture being handed out to {@code width} × {@code height} packed BGR (3 bytes a
   * pixel, rows without padding). Only valid inside {@link Pictures#picture}.
   */
  byte[] scaledBgr(int width, int height) {
    scaler =
        swscale.sws_getCachedContext(
            scaler,
            frame.width(),
            frame.height(),
            frame.format(),
            width,
            height,
            avutil.AV_PIX_FMT_BGR24,
            swscale.SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    if (scaler == null) {
      throw new IllegalStateException(
          "cannot scale " + frame.width() + "×" + frame.height() + " to " + width + "×" + height);
    }
    long size = (long) width * height * 3;
    if (scaled == null || scaledCapacity < size) {
      if (scaled != null) {
        scaled.close();
      }
      scaled = new BytePointer(size);
      scaledCapacity = size;
    }
    try (PointerPointer<BytePointer> planes = new PointerPointer<>(scaled, null, null, null);
        IntPointer strides = new IntPointer(new int[] {width * 3, 0, 0, 0})) {
      swscale.sws_scale(scaler, frame.data(), frame.linesize(), 0, frame.height(), planes, strides);
    }
    byte[] bgr = new byte[(int) size];
    scaled.position(0).get(bgr);
    return bgr;
  }

  @Override
  public void close() {
    avcodec.avcodec_free_context(context);
    avutil.av_frame_free(frame);
    avcodec.av_packet_free(packet);
    swscale.sws_freeContext(scaler);
    if (scaled != null) {
      scaled.close();
    }
  }
}
