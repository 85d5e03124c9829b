package dev.slipstream.media.ingest;

/**
 * The synthetic source's sound: silence, with a quiet 880 Hz pip for the first 50 ms of every
 * wall-clock second, so a listener can line sound up with the clock in the picture.
 */
final class BeepTone {
  private static final int RATE = 48_000;
  private static final double AMPLITUDE = 0.08 * Short.MAX_VALUE;

  private BeepTone() {}

  /** Fills one Opus frame of interleaved stereo samples whose first is at {@code epochMillis}. */
  static short[] frame(long epochMillis, long firstSample) {
    short[] samples = new short[OpusEncoder.FRAME_SAMPLES * OpusEncoder.CHANNELS];
    for (int i = 0; i < OpusEncoder.FRAME_SAMPLES; i++) {
      long millis = epochMillis + i * 1000L / RATE;
      short value = 0;
      if (Math.floorMod(millis, 1000) < 50) {
        value = (short) (AMPLITUDE * Math.sin(2 * Math.PI * 880 * (firstSample + i) / RATE));
      }
      samples[2 * i] = value;
      samples[2 * i + 1] = value;
    }
    return samples;
  }
}
