package dev.slipstream.media.ingest;

/**
 * Plays a file in real time by an injected clock: each packet waits until the pass's start plus its
 * media time. A new pass (the file looping) starts where the last one ended, so media time and the
 * schedule run on without a jump.
 */
final class ClockPacing implements PacketPacing {
  private final Pacer pacer;
  private long passStartMillis;
  private long offsetTicks;
  private long lastTicks;

  ClockPacing(Pacer pacer, long startMillis) {
    this.pacer = pacer;
    this.passStartMillis = startMillis;
  }

  @Override
  public void awaitMediaTime(long ticks) {
    lastTicks = Math.max(lastTicks, ticks);
    try {
      pacer.awaitMillis(passStartMillis + ticks / 90);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the source's loop sees it is stopped
    }
  }

  @Override
  public long offsetTicks() {
    return offsetTicks;
  }

  /** Starts the next pass one frame after the last packet of this one. */
  void nextPass(long frameTicks) {
    long length = lastTicks + frameTicks;
    offsetTicks += length;
    passStartMillis += length / 90;
    lastTicks = 0;
  }
}
