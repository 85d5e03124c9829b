/**
 * What happened to a tracked person, as {@link dev.slipstream.vision.events.VisionEvent}s: sprints
 * starting and stopping, speed thresholds crossed, jumps, {@link dev.slipstream.vision.events.Zone}
 * entries and exits, and tracks lost. {@link dev.slipstream.vision.events.TrackEvents} detects them
 * frame by frame for one track, with hysteresis so noise at a threshold or a zone's edge does not
 * flap; {@link dev.slipstream.vision.events.EventProtos} turns them into the wire's {@code
 * AnalyticsEvent}.
 */
@NullMarked
package dev.slipstream.vision.events;

import org.jspecify.annotations.NullMarked;
