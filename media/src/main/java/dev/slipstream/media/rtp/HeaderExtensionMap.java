package dev.slipstream.media.rtp;

import java.util.Map;

/**
 * Which header extension id a viewer negotiated for each id the publisher uses.
 *
 * <p>Publisher and viewer negotiate {@code a=extmap} ids separately, so the same URI (say {@code
 * urn:ietf:params:rtp-hdrext:sdes:mid}) can carry id 4 on ingest and id 9 on egress. Ids the viewer
 * did not negotiate map to 0, which removes the element.
 */
public final class HeaderExtensionMap {
  private final int[] viewerIds = new int[256];

  private HeaderExtensionMap() {}

  /**
   * Returns a map from publisher ids to viewer ids; publisher ids not in it are removed.
   *
   * @throws IllegalArgumentException when an id is outside 1 to 255
   */
  public static HeaderExtensionMap of(Map<Integer, Integer> publisherToViewer) {
    HeaderExtensionMap map = new HeaderExtensionMap();
    publisherToViewer.forEach(
        (from, to) -> {
          if (from < 1 || from > 255 || to < 1 || to > 255) {
            throw new IllegalArgumentException(
                "header extension ids must be 1 to 255, got publisher id "
                    + from
                    + " mapped to viewer id "
                    + to);
          }
          map.viewerIds[from] = to;
        });
    return map;
  }

  /** Returns the viewer's id for {@code publisherId}, or 0 when the viewer has none. */
  public int viewerId(int publisherId) {
    return publisherId < 1 || publisherId > 255 ? 0 : viewerIds[publisherId];
  }
}
