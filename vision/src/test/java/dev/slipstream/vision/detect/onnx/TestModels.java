package dev.slipstream.vision.detect.onnx;

import dev.slipstream.vision.detect.onnx.OnnxGraph.Attribute;
import java.io.IOException;
import java.nio.file.Path;

/**
 * ONNX models written by the tests, run by the real ONNX Runtime.
 *
 * <p>{@link #brightBoxDetector} is a real, if simple, detector: its boxes are computed from the
 * pixels by the graph. The grey level (mean of R, G, B) above 0.5 marks "person" pixels; the box
 * runs from the first to one past the last input column and row that hold any, so a white rectangle
 * on a dark frame comes back as its own box (the band grey 114/255 is below the line). Next to it
 * the model returns three rows that exercise the detector's filters: a copy of the box shifted by 3
 * input pixels scoring 0.1 less (for non-maximum suppression), a confident box of class 32 (a ball,
 * in COCO's numbering) and a faint person box scoring 0.2.
 */
final class TestModels {
  /** Input height of {@link #brightBoxDetector}. */
  static final int HEIGHT = 192;

  /** Input width of {@link #brightBoxDetector}. */
  static final int WIDTH = 256;

  private TestModels() {}

  /**
   * Writes the bright-box detector to {@code file}: input {@code images [1, 3, 192, 256]}, output
   * {@code detections [N, 6]}, or {@code [1, N, 6]} when {@code batched}.
   */
  static Path brightBoxDetector(Path file, boolean batched) throws IOException {
    OnnxGraph g = new OnnxGraph().input("images", 1, 3, HEIGHT, WIDTH);
    String grey =
        g.node("ReduceMean", in("images"), Attribute.ints("axes", 1), Attribute.of("keepdims", 1));
    String bright = g.node("Greater", in(grey, g.floats(new long[0], 0.5f)));
    String mask = g.node("Cast", in(bright), Attribute.of("to", 1));
    String columns =
        g.node("ReduceMax", in(mask), Attribute.ints("axes", 0, 1, 2), Attribute.of("keepdims", 0));
    String rows =
        g.node("ReduceMax", in(mask), Attribute.ints("axes", 0, 1, 3), Attribute.of("keepdims", 0));
    String found =
        g.node("ReduceMax", in(columns), Attribute.ints("axes", 0), Attribute.of("keepdims", 1));
    String score = g.node("Mul", in(found, g.floats(new long[] {1}, 0.9f)));
    String box =
        g.node(
            "Concat",
            in(
                first(g, columns, WIDTH),
                first(g, rows, HEIGHT),
                pastLast(g, columns, WIDTH),
                pastLast(g, rows, HEIGHT),
                score,
                g.floats(new long[] {1}, 0f)),
            Attribute.of("axis", 0));
    String person = g.node("Reshape", in(box, g.int64s(1, 6)));
    String echo = g.node("Add", in(person, g.floats(new long[] {1, 6}, 3, 3, 3, 3, -0.1f, 0)));
    String ball = g.floats(new long[] {1, 6}, 10, 10, 60, 60, 0.95f, 32);
    String faint = g.floats(new long[] {1, 6}, 100, 100, 140, 180, 0.2f, 0);
    if (batched) {
      String all = g.node("Concat", in(person, echo, ball, faint), Attribute.of("axis", 0));
      g.nodeNamed("detections", "Reshape", in(all, g.int64s(1, -1, 6)));
      g.output("detections", 1, -1, 6);
    } else {
      g.nodeNamed("detections", "Concat", in(person, echo, ball, faint), Attribute.of("axis", 0));
      g.output("detections", -1, 6);
    }
    return g.writeTo(file);
  }

  /**
   * Writes a model whose input and output are declared with the given shapes and whose output is
   * {@code produced[0] × produced[1]} zeros, whatever the input. The output's shape is computed
   * from the input (plus 0), so ONNX Runtime cannot infer it and reports the declared one.
   */
  static Path constantOutput(Path file, long[] inputShape, long[] outputShape, long[] produced)
      throws IOException {
    OnnxGraph g = new OnnxGraph().input("images", inputShape);
    float[] values = new float[(int) (produced[0] * produced[1])];
    String peak = g.node("ReduceMax", in("images"), Attribute.of("keepdims", 0));
    String zero = g.node("Mul", in(peak, g.floats(new long[0], 0f)));
    String zeroInt = g.node("Cast", in(zero), Attribute.of("to", 7));
    String shape = g.node("Add", in(g.int64s(produced), zeroInt));
    g.nodeNamed("detections", "Reshape", in(g.floats(new long[] {values.length}, values), shape));
    g.output("detections", outputShape);
    return g.writeTo(file);
  }

  /** The index of the first set entry of a 0/1 profile, or a huge number when none is set. */
  private static String first(OnnxGraph g, String profile, int length) {
    float[] index = new float[length];
    for (int i = 0; i < length; i++) {
      index[i] = i;
    }
    String unset = g.node("Sub", in(g.floats(new long[] {1}, 1f), profile));
    String penalty = g.node("Mul", in(unset, g.floats(new long[] {1}, 1e6f)));
    String candidates = g.node("Add", in(g.floats(new long[] {length}, index), penalty));
    return g.node(
        "ReduceMin", in(candidates), Attribute.ints("axes", 0), Attribute.of("keepdims", 1));
  }

  /** One past the index of the last set entry of a 0/1 profile, or 0 when none is set. */
  private static String pastLast(OnnxGraph g, String profile, int length) {
    float[] end = new float[length];
    for (int i = 0; i < length; i++) {
      end[i] = i + 1;
    }
    String candidates = g.node("Mul", in(g.floats(new long[] {length}, end), profile));
    return g.node(
        "ReduceMax", in(candidates), Attribute.ints("axes", 0), Attribute.of("keepdims", 1));
  }

  private static String[] in(String... names) {
    return names;
  }
}
