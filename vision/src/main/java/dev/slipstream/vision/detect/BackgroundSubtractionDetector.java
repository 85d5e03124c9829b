package dev.slipstream.vision.detect;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.track.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.BackgroundSubtractor;
import org.jspecify.annotations.Nullable;

/**
 * Finds people in wide shots as what moves against a learned background: OpenCV's MOG2 (or KNN)
 * model marks foreground pixels, shadow pixels (which the model marks 127: darker, same colour) are
 * dropped, opening removes specks and closing joins limbs to torsos, and each connected component
 * becomes a blob; {@link BlobGrouping} merges the fragments of one body and keeps those of a
 * person's size, from metres through the calibration when there is one.
 *
 * <p>Limits, by design of the method: the camera must be static or pan slowly. The background
 * adapts at the learning rate (automatic: over about {@code history} frames), so a slow pan is
 * learned as it goes, leaving a trail of foreground at the edges that clears within the history; a
 * fast pan, a cut or a jolt turns most of the frame to foreground, and such a frame is rejected
 * ({@link FrameRejectedException#FOREGROUND_FLOOD}) rather than reported as a crowd. People who
 * stand still for about the history fade into the background; people who overlap on the frame
 * become one blob. The first frame only seeds the background and finds nobody.
 *
 * <p>A frame of a different size from the first is rejected ({@link
 * FrameRejectedException#FRAME_SIZE_CHANGED}): the background and the calibration belong to the
 * first size. Owned by one thread, one stream.
 */
public final class BackgroundSubtractionDetector implements Detector {
  private static final double FOREGROUND = 255;
  private static final double ABOVE_SHADOW = 200;

  /**
   * Frames the model needs before its foreground means anything: MOG2 learns the first frame at
   * once, KNN fills its samples over several frames and calls everything foreground meanwhile.
   */
  private static final int WARM_UP_FRAMES = 10;

  private final BackgroundSubtractionSettings settings;
  private final BackgroundSubtractor model;
  private final @Nullable Mat openKernel;
  private final Mat closeKernel;
  private final Mat mask = new Mat();
  private final Mat labels = new Mat();
  private final Mat stats = new Mat();
  private final Mat centroids = new Mat();
  private @Nullable Mat input;
  private BlobGrouping grouping;
  private int width;
  private int height;
  private long frames;
  private boolean closed;

  /**
   * Creates a detector with a fresh background model.
   *
   * @param calibration the stream's calibration, to size people in metres; null to use the pixel
   *     limits of {@code settings}
   */
  public BackgroundSubtractionDetector(
      BackgroundSubtractionSettings settings, @Nullable Homography calibration) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.model =
        switch (settings.model()) {
          case MOG2 ->
              opencv_video.createBackgroundSubtractorMOG2(
                  settings.history(), settings.threshold(), true);
          case KNN ->
              opencv_video.createBackgroundSubtractorKNN(
                  settings.history(), settings.threshold(), true);
        };
    this.openKernel =
        settings.openKernelPx() > 1
            ? getStructuringElement(
                MORPH_RECT, new Size(settings.openKernelPx(), settings.openKernelPx()))
            : null;
    this.closeKernel =
        getStructuringElement(
            MORPH_RECT, new Size(settings.closeWidthPx(), settings.closeHeightPx()));
    this.grouping = grouping(calibration);
  }

  /** Sizes people from {@code calibration} from the next frame on; null for the pixel limits. */
  @Override
  public void calibrate(@Nullable Homography calibration) {
    this.grouping = grouping(calibration);
  }

  private BlobGrouping grouping(@Nullable Homography calibration) {
    return new BlobGrouping(new PersonSize(settings, calibration), settings.mergeGapFraction());
  }

  /**
   * Returns the people moving on {@code frame}.
   *
   * @throws FrameRejectedException if the frame differs in size from the first, or too much of it
   *     changed at once to be the same scene
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public List<Detection> detect(VideoFrame frame) {
    if (closed) {
      throw new IllegalStateException("detector " + name() + " is closed");
    }
    Mat image = wrap(frame);
    model.apply(image, mask, settings.learningRate());
    if (frames++ == 0) {
      return List.of();
    }
    // Shadows are 127, foreground 255: keep only the foreground.
    threshold(mask, mask, ABOVE_SHADOW, FOREGROUND, THRESH_BINARY);
    double foreground = countNonZero(mask) / (double) (width * height);
    if (foreground > settings.maxForegroundFraction()) {
      if (frames <= WARM_UP_FRAMES) {
        return List.of();
      }
      throw new FrameRejectedException(
          FrameRejectedException.FOREGROUND_FLOOD,
          String.format(
              "%.0f %% of the frame at %d us changed at once (more than %.0f %%): a corrupt frame,"
                  + " a cut or a jolted camera, not people",
              foreground * 100, frame.mediaTimeMicros(), settings.maxForegroundFraction() * 100));
    }
    if (openKernel != null) {
      morphologyEx(mask, mask, MORPH_OPEN, openKernel);
    }
    morphologyEx(mask, mask, MORPH_CLOSE, closeKernel);
    return grouping.people(components());
  }

  private Mat wrap(VideoFrame frame) {
    Mat image = input;
    if (image == null) {
      width = frame.width();
      height = frame.height();
      image = new Mat(height, width, CV_8UC3);
      input = image;
    } else if (frame.width() != width || frame.height() != height) {
      throw new FrameRejectedException(
          FrameRejectedException.FRAME_SIZE_CHANGED,
          "frame at "
              + frame.mediaTimeMicros()
              + " us is "
              + frame.width()
              + "×"
              + frame.height()
              + " but the stream's background is "
              + width
              + "×"
              + height);
    }
    image.data().put(frame.bgr());
    return image;
  }

  private List<Blob> components() {
    int count = connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    List<Blob> blobs = new ArrayList<>(Math.max(0, count - 1));
    try (IntIndexer stat = stats.createIndexer()) {
      // Label 0 is the background.
      for (int i = 1; i < count; i++) {
        blobs.add(
            new Blob(
                stat.get(i, CC_STAT_LEFT),
                stat.get(i, CC_STAT_TOP),
                stat.get(i, CC_STAT_WIDTH),
                stat.get(i, CC_STAT_HEIGHT),
                stat.get(i, CC_STAT_AREA)));
      }
    }
    return blobs;
  }

  @Override
  public String name() {
    return settings.model().name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    model.close();
    if (openKernel != null) {
      openKernel.close();
    }
    closeKernel.close();
    mask.close();
    labels.close();
    stats.close();
    centroids.close();
    if (input != null) {
      input.close();
    }
  }
}
