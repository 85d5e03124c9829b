package dev.slipstream.vision.detect.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What a loaded model declares, checked against the detector's contract: one float input {@code [1,
 * 3, H, W]} with H and W fixed, and a float output {@code [N, 6]} or {@code [1, N, 6]} — the only
 * output, or the one named {@code detections}. Dimensions the model leaves open ({@code -1} here)
 * are allowed where the contract has a variable (the batch of 1 and N).
 *
 * @param inputName the input's name
 * @param inputHeight H
 * @param inputWidth W
 * @param outputName the detections output's name
 */
record ModelContract(String inputName, int inputHeight, int inputWidth, String outputName) {

  /** The name the detections output must have when a model has several outputs. */
  static final String DETECTIONS = "detections";

  /**
   * Reads the session's inputs and outputs.
   *
   * @throws OnnxModelException naming {@code file} and the shapes, when the model does not fit
   */
  static ModelContract of(OrtSession session, Path file) {
    try {
      return check(session.getInputInfo(), session.getOutputInfo(), file);
    } catch (OrtException e) {
      throw new OnnxModelException(
          "ONNX model " + file + ": cannot read its inputs and outputs: " + e.getMessage(), e);
    }
  }

  static ModelContract check(
      Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs, Path file) {
    if (inputs.size() != 1) {
      throw new OnnxModelException(
          "ONNX model "
              + file
              + " has "
              + inputs.size()
              + " inputs "
              + inputs.keySet()
              + "; the detector feeds exactly one, float32 [1, 3, H, W]");
    }
    NodeInfo input = inputs.values().iterator().next();
    long[] in = tensorShape(input, file, "input");
    if (in.length != 4 || !(in[0] == 1 || in[0] == -1) || in[1] != 3 || in[2] <= 0 || in[3] <= 0) {
      throw new OnnxModelException(
          "ONNX model "
              + file
              + ": input '"
              + input.getName()
              + "' has shape "
              + Arrays.toString(in)
              + "; expected float32 [1, 3, H, W] (RGB planes) with H and W fixed");
    }
    NodeInfo output = detectionsOutput(outputs, file);
    long[] out = tensorShape(output, file, "output");
    if (!fitsDetections(out)) {
      throw new OnnxModelException(
          "ONNX model "
              + file
              + ": output '"
              + output.getName()
              + "' has shape "
              + Arrays.toString(out)
              + "; expected float32 [N, 6] or [1, N, 6] rows of (x1, y1, x2, y2, score, class)");
    }
    return new ModelContract(input.getName(), (int) in[2], (int) in[3], output.getName());
  }

  /**
   * Returns whether a shape can hold detection rows: {@code [N, 6]} or {@code [1, N, 6]}, with
   * {@code -1} for a dimension not fixed.
   */
  static boolean fitsDetections(long[] shape) {
    return switch (shape.length) {
      case 2 -> shape[1] == PersonBoxes.ROW || shape[1] == -1;
      case 3 ->
          (shape[0] == 1 || shape[0] == -1) && (shape[2] == PersonBoxes.ROW || shape[2] == -1);
      default -> false;
    };
  }

  private static NodeInfo detectionsOutput(Map<String, NodeInfo> outputs, Path file) {
    if (outputs.size() == 1) {
      return outputs.values().iterator().next();
    }
    NodeInfo named = outputs.get(DETECTIONS);
    if (named == null) {
      throw new OnnxModelException(
          "ONNX model "
              + file
              + " has "
              + outputs.size()
              + " outputs "
              + outputs.keySet()
              + " and none is named '"
              + DETECTIONS
              + "'; name the detections output so, or export only it");
    }
    return named;
  }

  private static long[] tensorShape(NodeInfo node, Path file, String role) {
    if (!(node.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
      throw new OnnxModelException(
          "ONNX model "
              + file
              + ": "
              + role
              + " '"
              + node.getName()
              + "' is "
              + node.getInfo()
              + "; expected a float32 tensor");
    }
    return tensor.getShape();
  }
}
