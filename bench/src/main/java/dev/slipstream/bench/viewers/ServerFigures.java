package dev.slipstream.bench.viewers;

/**
 * Counters only an in-process node can show, cumulative since it started.
 *
 * @param known whether the figures are real (false for a remote server)
 * @param sourcePackets RTP packets the synthetic source published
 * @param queueDrops packets the SFU dropped for the viewers now connected because their queues were
 *     full
 */
record ServerFigures(boolean known, long sourcePackets, long queueDrops) {
  /** What a remote server's figures are: unknown. */
  static final ServerFigures UNKNOWN = new ServerFigures(false, 0, 0);
}
