/**
 * Synthetic scenes with known ground truth: {@link dev.slipstream.vision.scene.SyntheticTrackScene}
 * films athletes running on a calibrated track through a {@link
 * dev.slipstream.vision.scene.PinholeCamera}, for the demo stream and for scoring the pipeline.
 */
@NullMarked
package dev.slipstream.vision.scene;

import org.jspecify.annotations.NullMarked;
