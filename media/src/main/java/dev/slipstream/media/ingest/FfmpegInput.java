package dev.slipstream.media.ingest;

import static dev.slipstream.media.ffmpeg.FfmpegException.check;

import dev.slipstream.media.ffmpeg.FfmpegException;
import dev.slipstream.media.ffmpeg.FfmpegLog;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * An open FFmpeg demuxer: a file, or a listener that has accepted a publisher. Every blocking call
 * (waiting for a connection, reading) gives up once {@code interrupted} says so, which is how a
 * listener is closed from another thread. Owned by one thread.
 */
final class FfmpegInput implements AutoCloseable {
  private final AVFormatContext context;
  // Held so the native side's pointer to it stays valid while the input is open.
  private final AVIOInterruptCB.Callback_Pointer interrupt;

  private FfmpegInput(AVFormatContext context, AVIOInterruptCB.Callback_Pointer interrupt) {
    this.context = context;
    this.interrupt = interrupt;
  }

  /**
   * Opens {@code url} with FFmpeg options and reads enough to know its streams.
   *
   * @throws FfmpegException when it cannot be opened or holds nothing FFmpeg can read
   */
  static FfmpegInput open(String url, Map<String, String> options, BooleanSupplier interrupted) {
    FfmpegLog.install();
    FfmpegLog.install();
    avformat.avformat_network_init();
    AVFormatContext context = avformat.avformat_alloc_context();
    AVIOInterruptCB.Callback_Pointer interrupt =
        new AVIOInterruptCB.Callback_Pointer() {
          @Override
          public int call(Pointer opaque) {
            return interrupted.getAsBoolean() ? 1 : 0;
          }
        };
    context.interrupt_callback().callback(interrupt);
    AVDictionary dictionary = new AVDictionary(null);
    options.forEach((k, v) -> avutil.av_dict_set(dictionary, k, v, 0));
    try {
      // On failure FFmpeg frees the context itself.
      check("opening " + redact(url), avformat.avformat_open_input(context, url, null, dictionary));
    } finally {
      avutil.av_dict_free(dictionary);
    }
    FfmpegInput input = new FfmpegInput(context, interrupt);
    try {
      check(
          "reading the stream info",
          avformat.avformat_find_stream_info(context, (PointerPointer<?>) null));
    } catch (RuntimeException e) {
      input.close();
      throw e;
    }
    return input;
  }

  int streamCount() {
    return context.nb_streams();
  }

  AVStream stream(int index) {
    return context.streams(index);
  }

  /** Reads the next packet into {@code packet}; returns false at the end or on an error. */
  int read(AVPacket packet) {
    return avformat.av_read_frame(context, packet);
  }

  /** Returns an option of the protocol under the input (e.g. SRT's {@code streamid}), if set. */
  Optional<String> protocolOption(String name) {
    if (context.pb() == null) {
      return Optional.empty();
    }
    PointerPointer<BytePointer> out = new PointerPointer<BytePointer>(new BytePointer[] {null});
    try {
      int result =
          avutil.av_opt_get(
              context.pb(), new BytePointer(name), avutil.AV_OPT_SEARCH_CHILDREN, out);
      if (result < 0 || out.get(0) == null) {
        return Optional.empty();
      }
      BytePointer value = new BytePointer(out.get(0));
      String text = value.getString();
      avutil.av_free(value);
      return Optional.of(text);
    } finally {
      out.close();
    }
  }

  /** Seeks back to the start, for looping files. */
  boolean rewind() {
    return avformat.av_seek_frame(context, -1, 0, avformat.AVSEEK_FLAG_BACKWARD) >= 0;
  }

  @Override
  public void close() {
    avformat.avformat_close_input(context);
    interrupt.close();
  }

  /** Keeps secrets in URLs (a stream key after the last slash, SRT passphrases) out of logs. */
  static String redact(String url) {
    if (!url.startsWith("rtmp") && !url.startsWith("srt")) {
      return url;
    }
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    return base.replaceAll("/[^/]*$", "/…") + (query < 0 ? "" : "?…");
  }
}
