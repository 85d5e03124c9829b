package dev.slipstream.media.ingest;

import dev.slipstream.media.ffmpeg.FfmpegException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** Decodes Annex B H.264 access units to 640×360 BGR images with FFmpeg, as a viewer would. */
final class TestDecoder implements AutoCloseable {
  private final AVCodecContext context;
  private final AVPacket packet = avcodec.av_packet_alloc();
  private final AVFrame frame = avutil.av_frame_alloc();
  private @org.jspecify.annotations.Nullable SwsContext scaler;

  TestDecoder() {
    var codec = avcodec.avcodec_find_decoder(avcodec.AV_CODEC_ID_H264);
    context = avcodec.avcodec_alloc_context3(codec);
    context.thread_count(1);
    FfmpegException.check(
        "avcodec_open2",
        avcodec.avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
  }

  /** Decodes one access unit; empty when the decoder produced no picture for it. */
  Optional<BufferedImage> decode(byte[] annexB) {
    FfmpegException.check("av_new_packet", avcodec.av_new_packet(packet, annexB.length));
    packet.data().position(0).put(annexB);
    int sent = avcodec.avcodec_send_packet(context, packet);
    avcodec.av_packet_unref(packet);
    FfmpegException.check("avcodec_send_packet", sent);
    if (avcodec.avcodec_receive_frame(context, frame) < 0) {
      return Optional.empty();
    }
    BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
    scaler =
        swscale.sws_getCachedContext(
            scaler,
            frame.width(),
            frame.height(),
            frame.format(),
            640,
            360,
            avutil.AV_PIX_FMT_BGR24,
            swscale.SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    BytePointer out = new BytePointer(640L * 360 * 3);
    swscale.sws_scale(
        scaler,
        frame.data(),
        frame.linesize(),
        0,
        frame.height(),
        new PointerPointer<BytePointer>(out, null, null, null),
        new IntPointer(new int[] {640 * 3, 0, 0, 0}));
    out.position(0).get(((DataBufferByte) image.getRaster().getDataBuffer()).getData());
    avutil.av_frame_unref(frame);
    return Optional.of(image);
  }

  @Override
  public void close() {
    avcodec.avcodec_free_context(context);
    avutil.av_frame_free(frame);
    avcodec.av_packet_free(packet);
    swscale.sws_freeContext(scaler);
  }
}
