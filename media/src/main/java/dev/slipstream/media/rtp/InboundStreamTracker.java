package dev.slipstream.media.rtp;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Watches one incoming source (one SSRC of a publisher): finds missing packets to NACK and keeps
 * the statistics of the RR blocks the SFU sends back.
 *
 * <p>Thread-safe: packets arrive on the publisher's receive path while an RTCP timer asks for NACKs
 * and reports; calls are serialised by a lock that is uncontended almost always.
 */
public interface InboundStreamTracker {
  /** Returns the source this tracker watches. */
  long ssrc();

  /** Records a packet of this source, decrypted and validated, at the clock's current time. */
  void onPacket(RtpPacket packet);

  /** Records a sender report from this source, so RR blocks can echo it (LSR and DLSR). */
  void onSenderReport(RtcpPacket.SenderReport report);

  /**
   * Returns the sequence numbers to NACK now, oldest first, and counts this attempt for each: newly
   * missing packets at once, others again after the policy's retry interval, none past its retry
   * limit or maximum age. Put them in a {@link RtcpPacket.GenericNack} to the publisher.
   */
  List<Integer> nacksDue();

  /** Returns the RR block for the interval since the previous call, or empty before any packet. */
  Optional<ReportBlock> nextReportBlock();

  /**
   * Returns a tracker for {@code ssrc}, whose RTP clock runs at {@code clockRate} Hz, that reads
   * time from {@code clock}.
   *
   * @throws IllegalArgumentException when {@code ssrc} is not a 32-bit unsigned value or {@code
   *     clockRate} is not positive
   */
  static InboundStreamTracker create(
      long ssrc, int clockRate, NackPolicy policy, InstantSource clock) {
    if (ssrc < 0 || ssrc > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("ssrc must be 0 to 4294967295, got " + ssrc);
    }
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clockRate must be positive, got " + clockRate);
    }
    return new LockedInboundStreamTracker(ssrc, clockRate, policy, clock);
  }
}
