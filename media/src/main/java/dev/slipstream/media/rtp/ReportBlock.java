package dev.slipstream.media.rtp;

/**
 * One reception report block of an SR or RR (RFC 3550 section 6.4.1).
 *
 * @param ssrc the source this block reports on
 * @param fractionLost packets lost since the previous report, in 1/256ths, 0 to 255
 * @param cumulativeLost packets lost since reception began, a signed 24-bit value
 * @param extendedHighestSequence wrap count in the high 16 bits, highest sequence number below
 * @param jitter interarrival jitter in timestamp units
 * @param lastSenderReport middle 32 bits of the NTP time in the last SR received, 0 if none
 * @param delaySinceLastSenderReport time since that SR arrived, in 1/65536 s, 0 if none
 */
public record ReportBlock(
    long ssrc,
    int fractionLost,
    int cumulativeLost,
    long extendedHighestSequence,
    long jitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {}
