package dev.slipstream.vision.track;

import dev.slipstream.vision.geometry.PixelBox;

/**
 * A confirmed track the tracker gave up on after it went undetected for longer than {@link
 * TrackerSettings#maxCoastUs()}; its id is never handed out again.
 *
 * @param trackId the id the track had
 * @param lastSeenUs media time of the last frame the track was matched on
 * @param lostAtUs media time of the frame on which the tracker gave up
 * @param lastBox the box the track was last matched with
 */
public record LostTrack(int trackId, long lastSeenUs, long lostAtUs, PixelBox lastBox) {}
