package dev.slipstream.media.sdp;

import java.util.List;

/**
 * An {@code a=ssrc-group} line: SSRCs bound by a semantic such as {@code FID} (RTX) or {@code SIM}.
 *
 * @param semantics the group's meaning
 * @param ssrcs the members, first the primary
 */
record SsrcGroup(String semantics, List<Long> ssrcs) {
  SsrcGroup {
    ssrcs = List.copyOf(ssrcs);
  }

  /** Tells whether members after the first repair the first rather than carry media. */
  boolean isRepair() {
    return semantics.equals("FID") || semantics.equals("FEC-FR");
  }
}
