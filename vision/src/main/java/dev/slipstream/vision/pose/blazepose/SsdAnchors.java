package dev.slipstream.vision.pose.blazepose;

/**
 * The anchor centres of the BlazePose person detector, generated as MediaPipe's {@code
 * SsdAnchorsCalculator} does with the options of {@code pose_detection_cpu.pbtxt}: 5 layers with
 * strides 8, 16, 32, 32, 32 on a 224×224 input, one aspect ratio (1.0) plus the interpolated scale,
 * anchor offset 0.5 and fixed anchor size. Layers with the same stride share one grid, so each cell
 * of the 28×28 grid has 2 anchors, of the 14×14 grid 2 and of the 7×7 grid 6: 2254 in all, in the
 * order the model's 2254 outputs come. With a fixed anchor size every anchor is 1×1, so only the
 * centres matter.
 */
final class SsdAnchors {

  static final int INPUT_SIZE = 224;
  private static final int[] STRIDES = {8, 16, 32, 32, 32};
  private static final int ANCHORS_PER_LAYER = 2;
  private static final double ANCHOR_OFFSET = 0.5;

  private SsdAnchors() {}

  /** Returns the anchor centres as {@code [x0, y0, x1, y1, ...]}, normalised to the input. */
  static double[] centres() {
    int count = 0;
    for (int layer = 0; layer < STRIDES.length; ) {
      int last = lastLayerWithSameStride(layer);
      int cells = gridSize(STRIDES[layer]) * gridSize(STRIDES[layer]);
      count += cells * ANCHORS_PER_LAYER * (last - layer + 1);
      layer = last + 1;
    }
    double[] centres = new double[count * 2];
    int next = 0;
    for (int layer = 0; layer < STRIDES.length; ) {
      int last = lastLayerWithSameStride(layer);
      int anchorsPerCell = ANCHORS_PER_LAYER * (last - layer + 1);
      int grid = gridSize(STRIDES[layer]);
      for (int y = 0; y < grid; y++) {
        for (int x = 0; x < grid; x++) {
          for (int a = 0; a < anchorsPerCell; a++) {
            centres[next++] = (x + ANCHOR_OFFSET) / grid;
            centres[next++] = (y + ANCHOR_OFFSET) / grid;
          }
        }
      }
      layer = last + 1;
    }
    return centres;
  }

  private static int lastLayerWithSameStride(int layer) {
    int last = layer;
    while (last + 1 < STRIDES.length && STRIDES[last + 1] == STRIDES[layer]) {
      last++;
    }
    return last;
  }

  private static int gridSize(int stride) {
    return (int) Math.ceil((double) INPUT_SIZE / stride);
  }
}
