package dev.slipstream.media.srtp;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of what one {@link SrtpSession} has done since it was created.
 *
 * @param rtpProtected RTP packets protected
 * @param rtpUnprotected SRTP packets accepted
 * @param rtcpProtected RTCP packets protected
 * @param rtcpUnprotected SRTCP packets accepted
 * @param failures packets refused, by reason (every reason present, zero when none)
 */
public record SrtpStats(
    long rtpProtected,
    long rtpUnprotected,
    long rtcpProtected,
    long rtcpUnprotected,
    Map<SrtpFailure, Long> failures) {

  /** Copies the failure counts and fills in zero for any reason missing. */
  public SrtpStats {
    EnumMap<SrtpFailure, Long> all = new EnumMap<>(SrtpFailure.class);
    for (SrtpFailure f : SrtpFailure.values()) {
      all.put(f, failures.getOrDefault(f, 0L));
    }
    failures = Collections.unmodifiableMap(all);
  }

  /** Returns how many packets were refused for this reason. */
  public long failures(SrtpFailure reason) {
    return failures.get(reason);
  }
}
