/**
 * The vision pipeline after detection and pose, for one stream: {@link
 * dev.slipstream.vision.analytics.FrameAnalyzer} takes a frame's detections and poses and returns
 * its tracks with their motion, gait and events; {@link
 * dev.slipstream.vision.analytics.AnalyticsFrames} builds the wire's {@code AnalyticsFrame} from
 * that.
 */
@NullMarked
package dev.slipstream.vision.analytics;

import org.jspecify.annotations.NullMarked;
