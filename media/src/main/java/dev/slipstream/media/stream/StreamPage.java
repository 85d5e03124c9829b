package dev.slipstream.media.stream;

import java.util.List;
import java.util.Optional;

/**
 * One page of streams, newest first.
 *
 * @param items the streams on this page
 * @param nextCursor the cursor for the next page, empty on the last page
 */
public record StreamPage(List<StreamInfo> items, Optional<String> nextCursor) {
  /** Copies the list so the page cannot change under its reader. */
  public StreamPage {
    items = List.copyOf(items);
  }
}
