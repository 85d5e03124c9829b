package dev.slipstream.media.ingest;

import static dev.slipstream.media.ffmpeg.FfmpegException.check;

import dev.slipstream.media.ffmpeg.FfmpegLog;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
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
 * Encodes BGR frames to H.264 constrained baseline with OpenH264 through FFmpeg: no B-frames, one
 * access unit out per frame in, SPS and PPS in-band before each IDR, Annex B. Owned by one thread;
 * {@link #close()} frees the native state.
 */
final class H264Encoder implements AutoCloseable {
  private final AVCodecContext context;
  private final AVFrame frame;
  private final AVPacket packet;
  private final SwsContext scaler;
  private @Nullable SwsContext frameScaler;
  private final BytePointer bgr;
  private final PointerPointer<BytePointer> source;
  private final IntPointer sourceStride;
  private final int width;
  private final int height;

  H264Encoder(int width, int height, int fps, int bitrate, int keyframeInterval) {
    FfmpegLog.install();
    this.width = width;
    this.height = height;
    AVCodec codec = avcodec.avcodec_find_encoder_by_name("libopenh264");
    if (codec == null) {
      throw new IllegalStateException("this FFmpeg build has no libopenh264 encoder");
    }
    context = avcodec.avcodec_alloc_context3(codec);
    context.width(width).height(height).pix_fmt(avutil.AV_PIX_FMT_YUV420P);
    context.time_base(avutil.av_make_q(1, fps)).framerate(avutil.av_make_q(fps, 1));
    context.bit_rate(bitrate).gop_size(keyframeInterval).max_b_frames(0);
    AVDictionary options = new AVDictionary(null);
    avutil.av_dict_set(options, "allow_skip_frames", "0", 0);
    avutil.av_dict_set(options, "rc_mode", "bitrate", 0);
    try {
      check("avcodec_open2(libopenh264)", avcodec.avcodec_open2(context, codec, options));
    } finally {
      avutil.av_dict_free(options);
    }
    frame = avutil.av_frame_alloc();
    frame.format(avutil.AV_PIX_FMT_YUV420P).width(width).height(height);
    check("av_frame_get_buffer", avutil.av_frame_get_buffer(frame, 0));
    packet = avcodec.av_packet_alloc();
    scaler =
        swscale.sws_getContext(
            width,
            height,
            avutil.AV_PIX_FMT_BGR24,
            width,
            height,
            avutil.AV_PIX_FMT_YUV420P,
            swscale.SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    // Padded: swscale's vector code may read a little past the last row.
    bgr = new BytePointer((long) width * height * 3 + 256);
    // swscale reads four planes' pointers and strides whatever the format.
    source = new PointerPointer<BytePointer>(bgr, null, null, null);
    sourceStride = new IntPointer(new int[] {width * 3, 0, 0, 0});
  }

  /**
   * Encodes one frame (a {@code TYPE_3BYTE_BGR} image of the encoder's size) as frame number {@code
   * index}; returns the Annex B access unit, empty if the encoder produced none.
   */
  byte[] encode(BufferedImage image, long index, boolean keyframe) {
    if (image.getType() != BufferedImage.TYPE_3BYTE_BGR
        || image.getWidth() != width
        || image.getHeight() != height) {
      throw new IllegalArgumentException("expected a " + width + "x" + height + " BGR image");
    }
    bgr.position(0).put(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
    check("av_frame_make_writable", avutil.av_frame_make_writable(frame));
    swscale.sws_scale(scaler, source, sourceStride, 0, height, frame.data(), frame.linesize());
    return send(index, keyframe);
  }

  /**
   * Encodes one decoded picture of any size and pixel format, scaled to the encoder's size, as
   * frame number {@code index}; returns the Annex B access unit, empty if none came out.
   */
  byte[] encode(AVFrame picture, long index, boolean keyframe) {
    frameScaler =
        swscale.sws_getCachedContext(
            frameScaler,
            picture.width(),
            picture.height(),
            picture.format(),
            width,
            height,
            avutil.AV_PIX_FMT_YUV420P,
            swscale.SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    check("av_frame_make_writable", avutil.av_frame_make_writable(frame));
    swscale.sws_scale(
        frameScaler,
        picture.data(),
        picture.linesize(),
        0,
        picture.height(),
        frame.data(),
        frame.linesize());
    return send(index, keyframe);
  }

  private byte[] send(long index, boolean keyframe) {
    frame.pts(index);
    frame.pict_type(keyframe ? avutil.AV_PICTURE_TYPE_I : avutil.AV_PICTURE_TYPE_NONE);
    check("avcodec_send_frame", avcodec.avcodec_send_frame(context, frame));
    return drain();
  }

  private byte[] drain() {
    byte[] out = new byte[0];
    while (true) {
      int result = avcodec.avcodec_receive_packet(context, packet);
      if (result == avutil.AVERROR_EAGAIN() || result == avutil.AVERROR_EOF) {
        return out;
      }
      check("avcodec_receive_packet", result);
      byte[] data = new byte[packet.size()];
      packet.data().position(0).get(data);
      avcodec.av_packet_unref(packet);
      out = out.length == 0 ? data : concat(out, data);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  @Override
  public void close() {
    swscale.sws_freeContext(scaler);
    if (frameScaler != null) {
      swscale.sws_freeContext(frameScaler);
    }
    avutil.av_frame_free(frame);
    avcodec.av_packet_free(packet);
    avcodec.avcodec_free_context(context);
    bgr.close();
    source.close();
    sourceStride.close();
  }
}
