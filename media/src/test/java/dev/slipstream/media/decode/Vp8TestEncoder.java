package dev.slipstream.media.decode;

import static dev.slipstream.media.ffmpeg.FfmpegException.check;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
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

/** Encodes BGR images to VP8 with FFmpeg's libvpx, as a browser publishing VP8 would. */
final class Vp8TestEncoder implements AutoCloseable {
  /** One encoded VP8 frame. */
  record Vp8Frame(byte[] data, boolean keyframe) {}

  private final AVCodecContext context;
  private final AVFrame frame = avutil.av_frame_alloc();
  private final AVPacket packet = avcodec.av_packet_alloc();
  private final SwsContext toYuv;
  private final int width;
  private final int height;
  private long pts;

  Vp8TestEncoder(int width, int height, int keyframeInterval) {
    this.width = width;
    this.height = height;
    AVCodec codec = avcodec.avcodec_find_encoder_by_name("libvpx");
    context = avcodec.avcodec_alloc_context3(codec);
    context.width(width).height(height).pix_fmt(avutil.AV_PIX_FMT_YUV420P);
    context.time_base(avutil.av_make_q(1, 30)).framerate(avutil.av_make_q(30, 1));
    context.bit_rate(1_000_000).gop_size(keyframeInterval).max_b_frames(0);
    AVDictionary options = new AVDictionary(null);
    avutil.av_dict_set(options, "deadline", "realtime", 0);
    avutil.av_dict_set(options, "lag-in-frames", "0", 0);
    try {
      check("avcodec_open2(libvpx)", avcodec.avcodec_open2(context, codec, options));
    } finally {
      avutil.av_dict_free(options);
    }
    frame.format(avutil.AV_PIX_FMT_YUV420P).width(width).height(height);
    check("av_frame_get_buffer", avutil.av_frame_get_buffer(frame, 0));
    toYuv =
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
  }

  /** Encodes one image; returns what the encoder gave back for it. */
  List<Vp8Frame> encode(BufferedImage image) {
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    try (BytePointer source = new BytePointer(bgr);
        PointerPointer<BytePointer> planes = new PointerPointer<>(source, null, null, null);
        IntPointer strides = new IntPointer(new int[] {width * 3, 0, 0, 0})) {
      check("av_frame_make_writable", avutil.av_frame_make_writable(frame));
      swscale.sws_scale(toYuv, planes, strides, 0, height, frame.data(), frame.linesize());
    }
    frame.pts(pts++);
    check("avcodec_send_frame", avcodec.avcodec_send_frame(context, frame));
    List<Vp8Frame> out = new ArrayList<>();
    while (avcodec.avcodec_receive_packet(context, packet) >= 0) {
      byte[] data = new byte[packet.size()];
      packet.data().get(data);
      out.add(new Vp8Frame(data, (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0));
      avcodec.av_packet_unref(packet);
    }
    return out;
  }

  @Override
  public void close() {
    avcodec.avcodec_free_context(context);
    avutil.av_frame_free(frame);
    avcodec.av_packet_free(packet);
    swscale.sws_freeContext(toYuv);
  }
}
