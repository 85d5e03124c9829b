package dev.slipstream.media.ffmpeg;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avutil;

/** An FFmpeg call failed; the message names the call and FFmpeg's reason. */
public final class FfmpegException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;

  public FfmpegException(String call, int code) {
    super(call + " failed: " + describe(code));
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** Returns {@code result} when it is not negative, else throws with FFmpeg's text for it. */
  public static int check(String call, int result) {
    if (result < 0) {
      throw new FfmpegException(call, result);
    }
    return result;
  }

  public static String describe(int code) {
    byte[] text = new byte[256];
    avutil.av_strerror(code, text, text.length);
    int end = 0;
    while (end < text.length && text[end] != 0) {
      end++;
    }
    return new String(text, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
  }
}
