/**
 * A user-supplied ONNX person detector run through ONNX Runtime on the CPU: {@link
 * dev.slipstream.vision.detect.onnx.OnnxDetector}. The model's input and output contract is in its
 * class comment and in {@code vision/README-onnx.md}.
 */
@NullMarked
package dev.slipstream.vision.detect.onnx;

import org.jspecify.annotations.NullMarked;
