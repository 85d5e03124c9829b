package dev.slipstream.media.ingest;

/**
 * How fast a demuxed input is forwarded: live inputs as fast as they arrive, files at the speed
 * their timestamps say, looping with time carrying on.
 */
interface PacketPacing {
  /** Live input: never waits. */
  PacketPacing LIVE =
      new PacketPacing() {
        @Override
        public void awaitMediaTime(long ticks) {}

        @Override
        public long offsetTicks() {
          return 0;
        }
      };

  /** Waits until the frame {@code ticks} (90 kHz) into the current pass is due. */
  void awaitMediaTime(long ticks);

  /** Returns how far earlier passes moved media time (looping files), in 90 kHz ticks. */
  long offsetTicks();
}
