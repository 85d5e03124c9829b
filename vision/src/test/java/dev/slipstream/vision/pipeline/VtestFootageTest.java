package dev.slipstream.vision.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.vision.analytics.AnalyzerSettings;
import dev.slipstream.vision.detect.BackgroundSubtractionDetector;
import dev.slipstream.vision.detect.BackgroundSubtractionSettings;
import dev.slipstream.vision.frame.VideoFileReader;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.kinematics.SportProfile;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.Track;
import dev.slipstream.wire.v1.TrackState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the pipeline (MOG2 → ByteTracker → kinematics, no pose) over real footage: the first 40 s of
 * Debian opencv-doc's {@code vtest.avi}, pedestrians on a campus filmed from a first-floor window,
 * scaled to 640×480. Also draws a strip of frames a second apart with each confirmed track's box
 * and id to {@code target/vtest-strip.png}, to count id switches by eye.
 *
 * <p>The calibration is rough, from people's heights. Over 958 upright person boxes of a first run,
 * box height grows linearly with the row of the feet, h ≈ 0.307 × (row − 20.4): the horizon lies on
 * row 20 and, for people 1.7 m tall, the camera is 5.5 m up. The focal length is not in that fit;
 * 700 px (a 49° lens across 640 px) is assumed, which tilts the camera 17.4° down. That camera maps
 * the rectangle with corners at x 100 and 540, rows 200 and 400 to a trapezoid 14.1 m wide at 21.8
 * m and 6.7 m wide at 9.4 m from the camera. Speeds across the frame depend only on the fitted
 * height; speeds towards or away from the camera also on the assumed lens.
 */
class VtestFootageTest {
  private static final Path CLIP = Path.of("/usr/share/doc/opencv-doc/examples/data/vtest.avi");
  private static final int FRAMES = 400;
  private static final int STRIP_FIRST = 100;
  private static final int STRIP_EVERY = 10;
  private static final int STRIP_COUNT = 12;

  private static final List<AnalyticsFrame> output = new ArrayList<>();
  private static final Map<Integer, BufferedImage> sampled = new TreeMap<>();

  static Homography roughCalibration() {
    return Homography.fit(
        List.of(
            new CalibrationPoint(new PixelPoint(100, 200), new GroundPoint(-7.06, 21.82)),
            new CalibrationPoint(new PixelPoint(540, 200), new GroundPoint(7.06, 21.82)),
            new CalibrationPoint(new PixelPoint(100, 400), new GroundPoint(-3.34, 9.41)),
            new CalibrationPoint(new PixelPoint(540, 400), new GroundPoint(3.34, 9.41))));
  }

  @BeforeAll
  static void runThePipelineOverTheClip() throws IOException {
    Assumptions.assumeTrue(
        Files.isReadable(CLIP), "real footage test skipped: install Debian opencv-doc for " + CLIP);
    List<VideoFrame> frames = new ArrayList<>();
    try (VideoFileReader reader = VideoFileReader.open(CLIP, 640)) {
      for (int i = 0; i < FRAMES; i++) {
        VideoFrame frame = reader.next(0).orElseThrow();
        frames.add(frame);
        if (i >= STRIP_FIRST
            && (i - STRIP_FIRST) % STRIP_EVERY == 0
            && sampled.size() < STRIP_COUNT) {
          sampled.put(i, toImage(frame));
        }
      }
    }
    Homography calibration = roughCalibration();
    output.addAll(
        new LockstepRun()
            .run(
                out ->
                    StreamPipeline.builder(
                            "vtest",
                            new BackgroundSubtractionDetector(
                                BackgroundSubtractionSettings.defaults(), calibration),
                            calibration,
                            out)
                        .settings(AnalyzerSettings.defaults(SportProfile.walking()))
                        .start(),
                frames));
    writeStrip(Path.of("target/vtest-strip.png"));
  }

  @Test
  void theClipIsDecodedAtItsSizeAndEveryFrameAnalysed() {
    assertThat(output).hasSize(FRAMES);
    assertThat(output.get(0).getFrameWidth()).isEqualTo(640);
    assertThat(output.get(0).getFrameHeight()).isEqualTo(480);
    // vtest.avi is 10 fps: media time steps by 100 ms.
    assertThat(output.get(10).getMediaTimeUs() - output.get(0).getMediaTimeUs())
        .isEqualTo(1_000_000);
  }

  @Test
  void pedestriansAreTrackedAndWalkAtOneToTwoMetresPerSecond() {
    Map<Integer, List<Double>> speeds = new HashMap<>();
    Map<Integer, Long> firstSeen = new HashMap<>();
    Set<Integer> confirmed = new HashSet<>();
    for (AnalyticsFrame frame : output) {
      for (Track track : frame.getTracksList()) {
        firstSeen.putIfAbsent(track.getTrackId(), frame.getMediaTimeUs());
        if (track.getState() == TrackState.TRACK_STATE_CONFIRMED) {
          confirmed.add(track.getTrackId());
          // Walking speed once the track's motion has settled over 2 s.
          if (frame.getMediaTimeUs() - firstSeen.get(track.getTrackId()) >= 2_000_000) {
            speeds
                .computeIfAbsent(track.getTrackId(), id -> new ArrayList<>())
                .add((double) track.getSpeedMps());
          }
        }
      }
    }
    List<Double> perTrack =
        speeds.values().stream()
            .filter(list -> list.size() >= 20)
            .map(list -> list.stream().sorted().toList().get(list.size() / 2))
            .sorted()
            .toList();
    double median = perTrack.get(perTrack.size() / 2);
    System.out.printf(
        "vtest: confirmed tracks=%d, tracks walking 2 s or more=%d, their median speeds (m/s)=%s,"
            + " median=%.2f%n",
        confirmed.size(),
        perTrack.size(),
        perTrack.stream().map(s -> String.format("%.2f", s)).toList(),
        median);
    assertThat(confirmed.size()).isBetween(5, 60);
    assertThat(median).isBetween(1.0, 2.0);
  }

  private static BufferedImage toImage(VideoFrame frame) {
    BufferedImage image =
        new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(frame.bgr(), 0, pixels, 0, pixels.length);
    return image;
  }

  private static void writeStrip(Path file) throws IOException {
    // Full resolution, cropped to the rows people walk on (60 to 380), two frames a row.
    int columns = 2;
    int top = 60;
    int cellWidth = 640;
    int cellHeight = 320;
    int rows = (sampled.size() + columns - 1) / columns;
    BufferedImage strip =
        new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = strip.createGraphics();
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    int cell = 0;
    for (Map.Entry<Integer, BufferedImage> entry : sampled.entrySet()) {
      int ox = (cell % columns) * cellWidth;
      int oy = (cell / columns) * cellHeight;
      g.setClip(ox, oy, cellWidth, cellHeight);
      g.drawImage(entry.getValue(), ox, oy - top, null);
      AnalyticsFrame frame = output.get(entry.getKey());
      for (Track track : frame.getTracksList()) {
        if (track.getState() != TrackState.TRACK_STATE_CONFIRMED) {
          continue;
        }
        g.setColor(Color.getHSBColor((track.getTrackId() * 0.61803f) % 1, 0.9f, 1f));
        g.setStroke(new BasicStroke(2));
        int x = ox + Math.round(track.getBbox().getX());
        int y = oy - top + Math.round(track.getBbox().getY());
        g.drawRect(
            x, y, Math.round(track.getBbox().getWidth()), Math.round(track.getBbox().getHeight()));
        g.drawString(String.valueOf(track.getTrackId()), x, y - 3);
      }
      g.setColor(Color.WHITE);
      g.drawString(
          "frame " + entry.getKey() + "  t=" + entry.getKey() / 10.0 + " s",
          ox + 6,
          oy + cellHeight - 8);
      g.setClip(null);
      cell++;
    }
    g.dispose();
    Files.createDirectories(file.getParent());
    ImageIO.write(strip, "png", file.toFile());
  }
}
