/**
 * The per-stream vision pipeline: {@link dev.slipstream.vision.pipeline.StreamPipeline} takes
 * decoded frames as they arrive, skips whatever it cannot keep up with, and runs detect → track →
 * pose → kinematics → events on its own thread, handing one {@code AnalyticsFrame} per processed
 * frame to its consumer.
 */
@NullMarked
package dev.slipstream.vision.pipeline;

import org.jspecify.annotations.NullMarked;
