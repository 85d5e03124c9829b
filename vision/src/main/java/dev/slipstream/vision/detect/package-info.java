/**
 * Person detection: the {@link dev.slipstream.vision.detect.Detector} port and its implementations.
 */
@NullMarked
package dev.slipstream.vision.detect;

import org.jspecify.annotations.NullMarked;
