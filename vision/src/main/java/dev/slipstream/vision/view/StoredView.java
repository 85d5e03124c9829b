package dev.slipstream.vision.view;

import java.time.Instant;

/**
 * A stream's view as stored, with the revision an editor quotes to update it without overwriting
 * someone else's change.
 *
 * @param streamId the stream
 * @param view the calibration and zones
 * @param revision 1 for the first version, one more for each replacement
 * @param updatedAt when this revision was stored
 * @param updatedBy who stored it (a user id, or {@code "demo"} for the built-in scene)
 */
public record StoredView(
    String streamId, StreamView view, long revision, Instant updatedAt, String updatedBy) {}
