package dev.slipstream.vision.detect.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.slipstream.vision.detect.Detector;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.track.Detection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A person detector from a user-supplied ONNX model, run by ONNX Runtime on the CPU.
 *
 * <p><b>Contract.</b> The model has one input, float32 {@code [1, 3, H, W]} with H and W fixed (any
 * name): the frame as RGB planes in [0, 1], letterboxed — scaled to fit H×W with its aspect kept,
 * centred, the bands filled with grey 114/255 — and resampled bilinearly. It has one output (or
 * several, one named {@code detections}), float32 {@code [N, 6]} or {@code [1, N, 6]}, N any number
 * including 0: one row per detection, {@code (x1, y1, x2, y2, score, class)}, corners in input
 * pixels (0..W, 0..H, the letterboxed image), score in [0, 1], class a whole number. This is the
 * layout of YOLO exports with NMS built in ({@code end2end}/{@code nms=True}) and of most SSD-style
 * exports after a final concat. The detector keeps rows of {@link
 * OnnxDetectorSettings#personClass()} scoring at least {@link OnnxDetectorSettings#minScore()},
 * maps them back to frame pixels, cuts them to the frame and runs its own non-maximum suppression
 * (harmless when the model already did). See {@code vision/README-onnx.md}.
 *
 * <p><b>Errors.</b> {@link #create} refuses a missing or unreadable file, bytes ONNX Runtime cannot
 * load, and inputs or outputs that break the contract, with an {@link OnnxModelException} that
 * names the file and the shapes found and expected. A dimension the model leaves open is checked on
 * each frame: an output that turns out not to be rows of six fails that frame with the same
 * exception, which the pipeline counts as a failed detection and goes on. A row with a non-finite
 * value is dropped.
 *
 * <p>One instance owns an ONNX Runtime session, its options and the input tensor (native memory,
 * freed by {@link #close()}), and serves one stream from one thread.
 */
public final class OnnxDetector implements Detector {

  private final OnnxDetectorSettings settings;
  private final OrtSession.SessionOptions options;
  private final OrtSession session;
  private final ModelContract contract;
  private final FloatBuffer pixels;
  private final OnnxTensor input;
  private final PersonBoxes boxes;
  private @Nullable Letterbox letterbox;
  private boolean closed;

  private OnnxDetector(
      OnnxDetectorSettings settings,
      OrtSession.SessionOptions options,
      OrtSession session,
      ModelContract contract,
      FloatBuffer pixels,
      OnnxTensor input) {
    this.settings = settings;
    this.options = options;
    this.session = session;
    this.contract = contract;
    this.pixels = pixels;
    this.input = input;
    this.boxes = new PersonBoxes(settings);
  }

  /**
   * Loads the model in {@code settings} and returns a detector for it.
   *
   * @throws OnnxModelException naming the file when it is missing, unreadable, not a model ONNX
   *     Runtime loads, or when its input or output shapes break the contract
   */
  public static OnnxDetector create(OnnxDetectorSettings settings) {
    Path file = settings.model();
    byte[] model = read(file);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    OrtSession session = null;
    try {
      options.setIntraOpNumThreads(settings.threads());
      options.setInterOpNumThreads(1);
      session = environment.createSession(model, options);
      ModelContract contract = ModelContract.of(session, file);
      FloatBuffer pixels =
          ByteBuffer.allocateDirect(
                  3 * contract.inputHeight() * contract.inputWidth() * Float.BYTES)
              .order(ByteOrder.nativeOrder())
              .asFloatBuffer();
      // A direct buffer is shared with the native tensor, not copied: each frame writes into it.
      OnnxTensor input =
          OnnxTensor.createTensor(
              environment,
              pixels,
              new long[] {1, 3, contract.inputHeight(), contract.inputWidth()});
      return new OnnxDetector(settings, options, session, contract, pixels, input);
    } catch (OrtException e) {
      closeQuietly(session, options);
      throw new OnnxModelException(
          "ONNX model " + file + ": ONNX Runtime cannot load it: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(session, options);
      throw e;
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new OnnxModelException("ONNX model " + file + ": no such file", e);
    } catch (IOException e) {
      throw new OnnxModelException("ONNX model " + file + ": cannot read it: " + e, e);
    }
  }

  /**
   * Returns the people on {@code frame}, best first.
   *
   * @throws OnnxModelException if the model's output on this frame is not rows of six
   * @throws IllegalStateException if ONNX Runtime fails on the frame, or the detector is closed
   */
  @Override
  public List<Detection> detect(VideoFrame frame) {
    if (closed) {
      throw new IllegalStateException("ONNX detector " + settings.model() + " is closed");
    }
    Letterbox map = letterboxFor(frame);
    map.fill(frame, pixels);
    try (OrtSession.Result result =
        session.run(Map.of(contract.inputName(), input), java.util.Set.of(contract.outputName()))) {
      OnnxValue value = result.get(0);
      if (!(value instanceof OnnxTensor tensor)) {
        throw new OnnxModelException(
            "ONNX model "
                + settings.model()
                + ": output '"
                + contract.outputName()
                + "' is not a tensor");
      }
      long[] shape = ((TensorInfo) tensor.getInfo()).getShape();
      int rows = rows(shape);
      return boxes.decode(tensor.getFloatBuffer(), rows, map);
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX model "
              + settings.model()
              + " failed on the frame at "
              + frame.mediaTimeMicros()
              + " us: "
              + e.getMessage(),
          e);
    }
  }

  private int rows(long[] shape) {
    boolean fits =
        switch (shape.length) {
          case 2 -> shape[1] == PersonBoxes.ROW;
          case 3 -> shape[0] == 1 && shape[2] == PersonBoxes.ROW;
          default -> false;
        };
    if (!fits) {
      throw new OnnxModelException(
          "ONNX model "
              + settings.model()
              + ": output '"
              + contract.outputName()
              + "' came out with shape "
              + Arrays.toString(shape)
              + "; expected [N, 6] or [1, N, 6]");
    }
    return Math.toIntExact(shape[shape.length - 2]);
  }

  private Letterbox letterboxFor(VideoFrame frame) {
    Letterbox map = letterbox;
    if (map == null || map.frameWidth() != frame.width() || map.frameHeight() != frame.height()) {
      map =
          Letterbox.of(
              frame.width(), frame.height(), contract.inputWidth(), contract.inputHeight());
      letterbox = map;
    }
    return map;
  }

  /** Returns the model's input width W in pixels. */
  public int inputWidth() {
    return contract.inputWidth();
  }

  /** Returns the model's input height H in pixels. */
  public int inputHeight() {
    return contract.inputHeight();
  }

  /** Returns {@code onnx}. */
  @Override
  public String name() {
    return "onnx";
  }

  /** Frees the session, its options and the input tensor; later calls to detect throw. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    input.close();
    closeQuietly(session, options);
  }

  private static void closeQuietly(
      @Nullable OrtSession session, OrtSession.SessionOptions options) {
    try {
      if (session != null) {
        session.close();
      }
    } catch (OrtException e) {
      System.getLogger(OnnxDetector.class.getName())
          .log(System.Logger.Level.WARNING, "closing an ONNX Runtime session failed", e);
    } finally {
      options.close();
    }
  }
}
