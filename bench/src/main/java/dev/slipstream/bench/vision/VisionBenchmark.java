package dev.slipstream.bench.vision;

import dev.slipstream.vision.frame.VideoFileReader;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.pose.blazepose.LandmarkModel;
import dev.slipstream.vision.scene.SyntheticTrackScene;
import dev.slipstream.wire.v1.PipelineStage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * {@code ./slipstream bench vision [clip]}: runs the vision pipeline (background subtraction,
 * tracking, BlazePose on every confirmed athlete (lite by default), kinematics, events) over a real
 * clip and over the synthetic track scene, each paced at 15 fps as a live stream and then as fast
 * as frames are taken, prints per-stage p50/p99, frame latency and fps, and ends with one summary
 * line for the goal workload (the synthetic scene at 640×360 with 4 athletes, paced at 15 fps).
 */
public final class VisionBenchmark {
  static final String HELP =
      """
      Usage: ./slipstream bench vision [clip] [options]
        clip            a video file FFmpeg reads, scaled to 640 px wide (default: Debian
                        opencv-doc's vtest.avi, real pedestrians; other clips are sized in pixels
                        with a nominal 1 cm/px calibration, so their speeds mean nothing)
        --frames=N      frames per pass (default 225: 15 s at 15 fps)
        --fps=F         pacing of the paced passes (default 15)
        --pose=M        pose model on each confirmed athlete: lite (default), full or off
      Ends with: vision: fps=… p50=… p99=… skipped=… people=… (ms per frame, synthetic 640x360,
      4 athletes, paced)""";

  static final Path VTEST = Path.of("/usr/share/doc/opencv-doc/examples/data/vtest.avi");
  private static final int WARM_UP = 30;

  private VisionBenchmark() {}

  /** Runs the benchmark with {@code args}; returns the exit status. */
  public static int run(List<String> args, PrintStream out, PrintStream err)
      throws InterruptedException {
    int frames = 225;
    double fps = 15;
    Path clip = VTEST;
    LandmarkModel pose = LandmarkModel.LITE;
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(HELP);
        return 0;
      } else if (arg.startsWith("--frames=")) {
        frames = Integer.parseInt(arg.substring("--frames=".length()));
      } else if (arg.startsWith("--fps=")) {
        fps = Double.parseDouble(arg.substring("--fps=".length()));
      } else if (arg.startsWith("--pose=")) {
        String model = arg.substring("--pose=".length());
        if (!List.of("off", "lite", "full").contains(model)) {
          err.println(
              "slipstream bench vision: --pose must be off, lite or full (was " + model + ")");
          return 2;
        }
        pose = model.equals("off") ? null : LandmarkModel.valueOf(model.toUpperCase(Locale.ROOT));
      } else if (arg.startsWith("--")) {
        err.println("slipstream bench vision: unknown option " + arg + "\n" + HELP);
        return 2;
      } else {
        clip = Path.of(arg);
      }
    }
    if (frames <= WARM_UP || !(fps > 0)) {
      err.println("slipstream bench vision: --frames must be above " + WARM_UP + ", --fps above 0");
      return 2;
    }
    out.printf(
        Locale.ROOT,
        "vision bench: %d frames a pass, %.0f fps pacing, pose %s, %d cores, first %d frames of"
            + " each pass not measured%n",
        frames,
        fps,
        pose == null ? "off" : pose.name().toLowerCase(Locale.ROOT),
        Runtime.getRuntime().availableProcessors(),
        WARM_UP);
    List<PassResult> results = new ArrayList<>();
    Optional<List<VideoFrame>> real = readClip(clip, frames, fps, err);
    if (real.isPresent()) {
      boolean vtest = clip.equals(VTEST);
      List<VideoFrame> clipFrames = real.get();
      Homography calibration =
          vtest
              ? vtestCalibration()
              : nominal(clipFrames.get(0).width(), clipFrames.get(0).height());
      PipelinePass pass = new PipelinePass(calibration, vtest ? calibration : null, WARM_UP, pose);
      String label = clip.getFileName() + " " + size(clipFrames.get(0));
      results.add(report(out, pass.run(label + " paced", clipFrames, fps)));
      results.add(report(out, pass.run(label + " max", clipFrames, 0)));
    }
    SyntheticTrackScene scene = SyntheticTrackScene.create(7, 4);
    List<VideoFrame> synthetic = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      synthetic.add(scene.frame(Math.round(i * 1e6 / fps), 0));
    }
    PipelinePass pass = new PipelinePass(scene.calibration(), scene.calibration(), WARM_UP, pose);
    PassResult goal = report(out, pass.run("synthetic 640x360 4 athletes paced", synthetic, fps));
    results.add(goal);
    results.add(report(out, pass.run("synthetic 640x360 4 athletes max", synthetic, 0)));
    out.printf(
        Locale.ROOT,
        "vision: fps=%.1f p50=%.1f p99=%.1f skipped=%d people=%.1f%n",
        goal.fps(),
        goal.perFrame().getValueAtPercentile(50) / 1000.0,
        goal.perFrame().getValueAtPercentile(99) / 1000.0,
        goal.skipped(),
        goal.meanPeople());
    return 0;
  }

  private static Optional<List<VideoFrame>> readClip(
      Path clip, int frames, double fps, PrintStream err) {
    if (!Files.isReadable(clip)) {
      err.println(
          "vision bench: "
              + clip
              + " not found; real-clip passes skipped (Debian's opencv-doc ships vtest.avi)");
      return Optional.empty();
    }
    List<VideoFrame> decoded = new ArrayList<>();
    try (VideoFileReader reader = VideoFileReader.open(clip, 640)) {
      Optional<VideoFrame> next;
      while (decoded.size() < frames && (next = reader.next(0)).isPresent()) {
        decoded.add(next.get());
      }
    }
    // Offered at the bench's pacing, the clip's frames get that pacing's media times; a short clip
    // is played again from the start.
    List<VideoFrame> paced = new ArrayList<>();
    for (int i = 0; i < frames && !decoded.isEmpty(); i++) {
      VideoFrame f = decoded.get(i % decoded.size());
      paced.add(new VideoFrame(Math.round(i * 1e6 / fps), 0, f.width(), f.height(), f.bgr()));
    }
    return paced.isEmpty() ? Optional.empty() : Optional.of(paced);
  }

  /**
   * Returns the rough calibration of vtest.avi at 640×480 (a camera 5.5 m up, tilted 17.4° down,
   * from people's heights; see the vision module's VtestFootageTest).
   */
  static Homography vtestCalibration() {
    return Homography.fit(
        List.of(
            new CalibrationPoint(new PixelPoint(100, 200), new GroundPoint(-7.06, 21.82)),
            new CalibrationPoint(new PixelPoint(540, 200), new GroundPoint(7.06, 21.82)),
            new CalibrationPoint(new PixelPoint(100, 400), new GroundPoint(-3.34, 9.41)),
            new CalibrationPoint(new PixelPoint(540, 400), new GroundPoint(3.34, 9.41))));
  }

  private static Homography nominal(int width, int height) {
    return Homography.fit(
        List.of(
            new CalibrationPoint(new PixelPoint(0, 0), new GroundPoint(0, 0)),
            new CalibrationPoint(new PixelPoint(width, 0), new GroundPoint(width / 100.0, 0)),
            new CalibrationPoint(new PixelPoint(0, height), new GroundPoint(0, height / 100.0)),
            new CalibrationPoint(
                new PixelPoint(width, height), new GroundPoint(width / 100.0, height / 100.0))));
  }

  private static String size(VideoFrame frame) {
    return frame.width() + "x" + frame.height();
  }

  private static PassResult report(PrintStream out, PassResult r) {
    out.printf(
        Locale.ROOT,
        "%n%s: offered=%d processed=%d skipped=%d fps=%.1f people=%.1f%n",
        r.name(),
        r.offered(),
        r.processed(),
        r.skipped(),
        r.fps(),
        r.meanPeople());
    for (var entry : r.stages().entrySet()) {
      line(out, "  " + label(entry.getKey()), entry.getValue());
    }
    line(out, "  per frame (sum)", r.perFrame());
    line(out, "  capture->out", r.latency());
    return r;
  }

  private static String label(PipelineStage stage) {
    return stage.name().substring("PIPELINE_STAGE_".length()).toLowerCase(Locale.ROOT);
  }

  private static void line(PrintStream out, String name, Histogram h) {
    out.printf(
        Locale.ROOT,
        "%-20s p50=%7.2f ms  p99=%7.2f ms  max=%7.2f ms%n",
        name,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0);
  }
}
