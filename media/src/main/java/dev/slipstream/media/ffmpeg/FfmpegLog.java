package dev.slipstream.media.ffmpeg;

import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's log to SLF4J, and lets the thread that runs an FFmpeg call also hear its lines.
 *
 * <p>FFmpeg has one process-wide log callback, invoked on the thread that logs. RTMP ingest needs
 * that: FFmpeg's RTMP listener accepts any stream name and only mentions it in a warning, so the
 * listener thread listens for that line while it opens a connection.
 */
public final class FfmpegLog {
  private static final Logger log = LoggerFactory.getLogger("ffmpeg");
  private static final ThreadLocal<@Nullable Consumer<String>> LISTENER = new ThreadLocal<>();
  private static final java.util.regex.Pattern STREAM_NAME =
      java.util.regex.Pattern.compile("Unexpected stream \\S+");
  private static @Nullable LogCallback callback;

  private FfmpegLog() {}

  /** Installs the callback once per process. */
  public static synchronized void install() {
    if (callback != null) {
      return;
    }
    callback =
        new LogCallback() {
          @Override
          public void call(int level, BytePointer message) {
            String line = message.getString().strip();
            Consumer<String> listener = LISTENER.get();
            if (listener != null) {
              listener.accept(line);
            }
            // RTMP's listener names the publisher's stream key, a secret, in a warning.
            line = STREAM_NAME.matcher(line).replaceAll("Unexpected stream …");
            if (level <= avutil.AV_LOG_ERROR) {
              log.warn("{}", line);
            } else if (level <= avutil.AV_LOG_INFO) {
              log.debug("{}", line);
            } else {
              log.trace("{}", line);
            }
          }
        };
    avutil.av_log_set_level(avutil.AV_LOG_INFO);
    avutil.setLogCallback(callback);
  }

  /**
   * Lets {@code listener} hear the lines FFmpeg logs on this thread until {@link #stopListening}.
   */
  public static void listen(Consumer<String> listener) {
    install();
    LISTENER.set(listener);
  }

  public static void stopListening() {
    LISTENER.remove();
  }
}
