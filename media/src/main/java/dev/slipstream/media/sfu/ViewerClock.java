package dev.slipstream.media.sfu;

import java.time.Instant;

/**
 * How one viewer turns the RTP timestamp of a displayed frame (as {@code requestVideoFrameCallback}
 * reports it) into the stream's media time: {@code mediaTimeUs = ((rtpTimestamp -
 * rtpTimestampAtZero) mod 2^32) * 1e6 / clockRate}, unwrapping for streams longer than one
 * timestamp cycle (13 h at 90 kHz).
 *
 * @param clockRate the video RTP clock rate, 90000
 * @param rtpTimestampAtZero the RTP timestamp this viewer receives for media time zero
 * @param mediaTimeZero the wall-clock time of media time zero at the publisher's side
 */
public record ViewerClock(int clockRate, long rtpTimestampAtZero, Instant mediaTimeZero) {}
