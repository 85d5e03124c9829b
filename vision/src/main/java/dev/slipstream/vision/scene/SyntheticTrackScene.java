package dev.slipstream.vision.scene;

import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import dev.slipstream.vision.kinematics.Homography;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ObjLongConsumer;

/**
 * The demo and test scene: athletes running along the lanes of a stadium's straight, filmed from a
 * high static camera at the side, with everything about them known.
 *
 * <p>The camera (a {@link PinholeCamera} 22 m up, 18 m from the track's near edge, looking down at
 * about 45°) sees x from about 33 m to 67 m of an 8-lane track (lanes 1.22 m wide, lane 1 nearest);
 * far lanes appear smaller. Athletes run towards +x along their lane's centre line from x = 28 m to
 * 72 m, then start the next lap back at 28 m, out of view. With four athletes they use lanes 1, 3,
 * 5 and 7, so they never overlap on the frame; with more they fill lanes from 1 and can pass in
 * front of each other. Their scripts repeat every 48 s:
 *
 * <ul>
 *   <li>athlete 0 runs steadily, about 7.3 m/s;
 *   <li>athlete 1 runs intervals: accelerates from 4 to 9.5 m/s over 3.5 s, holds, slows to 4 m/s
 *       and jogs;
 *   <li>athlete 2 runs steadily at about 5.5 m/s and jumps (0.34 m, 0.53 s in the air) twice a
 *       period;
 *   <li>athlete 3 runs steadily and enters the scene's {@linkplain #zone() zone}, a 12 m box over
 *       their lane and the next, each lap;
 *   <li>further athletes run steadily at seeded speeds.
 * </ul>
 *
 * Speeds are rounded so that each athlete runs whole laps per period. Everything else that varies
 * (start positions, exact speeds, heights, skin tones, jump times) comes from the seed, so a scene
 * is the same for the same seed and time. Rendering is deterministic; the ground truth at any time
 * is {@link #athletesAt}, {@link #zoneEntries} and {@link #jumps}.
 *
 * <p>As an {@link ObjLongConsumer} the scene draws the moment {@code epochMillis} (taken as scene
 * time, modulo the period) into a 640×360 {@code TYPE_3BYTE_BGR} image, so a video source can
 * stream it without knowing anything of vision. Not thread-safe: one renderer at a time.
 */
public final class SyntheticTrackScene implements ObjLongConsumer<BufferedImage> {
  /** Width of the frames the scene draws. */
  public static final int WIDTH = 640;

  /** Height of the frames the scene draws. */
  public static final int HEIGHT = 360;

  /** The id of the scene's zone. */
  public static final String ZONE_ID = "lane-box";

  private static final double LANE_WIDTH = 1.22;
  private static final int LANES = 8;
  private static final double SECTION_START = 28;
  private static final double SECTION_LENGTH = 44;
  private static final double PERIOD_S = 48;
  private static final double TAKE_OFF_SPEED = 2.6;
  private static final Color[] JERSEYS = {
    new Color(0x1F, 0x5F, 0xF0), new Color(0xF2, 0xD4, 0x0C), new Color(0xF0, 0xF0, 0xF0),
    new Color(0xD0, 0x20, 0xD0), new Color(0x10, 0x10, 0x10), new Color(0x20, 0xE0, 0xE0),
    new Color(0xFF, 0x80, 0x00), new Color(0x80, 0xFF, 0x80)
  };

  private final PinholeCamera camera;
  private final List<ScriptedAthlete> athletes;
  private final List<Color> skins;
  private final Zone zone;
  private final byte[] background;

  private SyntheticTrackScene(long seed, int count) {
    this.camera =
        new PinholeCamera(
            new double[] {50, -18, 22}, new double[] {50, 4.5, 0}, 560, WIDTH, HEIGHT);
    SplittableRandom random = new SplittableRandom(seed);
    List<ScriptedAthlete> list = new ArrayList<>();
    List<Color> tones = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int lane = count <= 4 ? 2 * i + 1 : i + 1;
      double centreY = (lane - 0.5) * LANE_WIDTH;
      double start = (i * SECTION_LENGTH / count + random.nextDouble() * 4) % SECTION_LENGTH;
      double[] jumps =
          i == 2 ? new double[] {6 + random.nextDouble(), 26 + random.nextDouble()} : new double[0];
      list.add(
          new ScriptedAthlete(
              i,
              lane,
              centreY,
              1.7 + 0.2 * random.nextDouble(),
              profile(i, random),
              start,
              SECTION_START,
              SECTION_LENGTH,
              PERIOD_S,
              jumps,
              TAKE_OFF_SPEED,
              JERSEYS[i % JERSEYS.length]));
      int shade = 0x50 + random.nextInt(0x70);
      tones.add(new Color(shade + 0x30, shade, Math.max(0, shade - 0x30)));
    }
    this.athletes = List.copyOf(list);
    this.skins = List.copyOf(tones);
    int zoneLane = athletes.get(Math.min(3, count - 1)).lane();
    double inner = (zoneLane - 1) * LANE_WIDTH;
    double outer = Math.min(LANES, zoneLane + 1) * LANE_WIDTH;
    this.zone =
        new Zone(
            ZONE_ID,
            List.of(
                new GroundPoint(44, inner),
                new GroundPoint(56, inner),
                new GroundPoint(56, outer),
                new GroundPoint(44, outer)));
    BufferedImage stadium = StadiumBackground.paint(camera, WIDTH, HEIGHT, LANE_WIDTH, LANES, seed);
    this.background = ((DataBufferByte) stadium.getRaster().getDataBuffer()).getData();
  }

  /**
   * Returns the scene of {@code athletes} athletes (1 to 8) from {@code seed}.
   *
   * @throws IllegalArgumentException for any other number of athletes
   */
  public static SyntheticTrackScene create(long seed, int athletes) {
    if (athletes < 1 || athletes > LANES) {
      throw new IllegalArgumentException(
          "athletes=" + athletes + ": a synthetic scene has 1 to " + LANES + " athletes");
    }
    return new SyntheticTrackScene(seed, athletes);
  }

  private static SpeedProfile profile(int index, SplittableRandom random) {
    double jitter = 1 + 0.06 * (random.nextDouble() - 0.5);
    return switch (index) {
      case 0 -> SpeedProfile.steady(PERIOD_S, 7.3 * jitter);
      case 1 ->
          new SpeedProfile(
              PERIOD_S,
              new double[] {0, 2, 5.5, 14, 17, 26, 29.5, 38, 41},
              new double[] {4, 4, 9.5, 9.5, 4, 4, 9.5, 9.5, 4});
      case 2 -> SpeedProfile.steady(PERIOD_S, 5.5 * jitter);
      case 3 -> SpeedProfile.steady(PERIOD_S, 6.4 * jitter);
      default -> SpeedProfile.steady(PERIOD_S, 5 + 4 * random.nextDouble());
    };
  }

  /** Returns a blank image of the scene's size and type, ready for {@link #accept}. */
  public BufferedImage newImage() {
    return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
  }

  /**
   * Draws the scene at {@code epochMillis} milliseconds of scene time (any long: the script repeats
   * every period) into {@code image}.
   *
   * @throws IllegalArgumentException if the image is not 640×360 {@code TYPE_3BYTE_BGR}
   */
  @Override
  public void accept(BufferedImage image, long epochMillis) {
    render(image, Math.multiplyExact(epochMillis, 1000L));
  }

  /**
   * Draws the scene at {@code sceneMicros} microseconds of scene time into {@code image}.
   *
   * @throws IllegalArgumentException if the image is not 640×360 {@code TYPE_3BYTE_BGR}
   */
  public void render(BufferedImage image, long sceneMicros) {
    if (image.getType() != BufferedImage.TYPE_3BYTE_BGR
        || image.getWidth() != WIDTH
        || image.getHeight() != HEIGHT) {
      throw new IllegalArgumentException(
          "the scene draws into a 640×360 TYPE_3BYTE_BGR image (got "
              + image.getWidth()
              + "×"
              + image.getHeight()
              + " of type "
              + image.getType()
              + ")");
    }
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(background, 0, pixels, 0, background.length);
    double t = sceneMicros / 1e6;
    List<StickFigure> figures = new ArrayList<>();
    // Far lanes first, so nearer athletes are drawn over them.
    for (int i = athletes.size() - 1; i >= 0; i--) {
      figures.add(figure(athletes.get(i), t));
    }
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      for (StickFigure figure : figures) {
        figure.drawShadow(g, camera);
      }
      for (StickFigure figure : figures) {
        figure.draw(g, camera);
      }
    } finally {
      g.dispose();
    }
  }

  private StickFigure figure(ScriptedAthlete athlete, double t) {
    return new StickFigure(
        athlete.position(t),
        athlete.heightM(),
        athlete.stridePhase(t),
        athlete.speedMps(t),
        athlete.liftM(t),
        athlete.jersey(),
        skins.get(athlete.index()));
  }

  /**
   * Returns the scene at {@code sceneMicros} as a pipeline frame with that media time, stamped as
   * captured at {@code capturedAtUnixMicros}.
   */
  public VideoFrame frame(long sceneMicros, long capturedAtUnixMicros) {
    BufferedImage image = newImage();
    render(image, sceneMicros);
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    return new VideoFrame(sceneMicros, capturedAtUnixMicros, WIDTH, HEIGHT, bgr);
  }

  /** Returns the ground truth of every athlete at {@code sceneMicros}, in athlete order. */
  public List<AthleteState> athletesAt(long sceneMicros) {
    double t = sceneMicros / 1e6;
    List<PixelBox> boxes = new ArrayList<>();
    for (ScriptedAthlete athlete : athletes) {
      boxes.add(figure(athlete, t).box(camera));
    }
    List<AthleteState> states = new ArrayList<>();
    for (ScriptedAthlete athlete : athletes) {
      PixelBox box = boxes.get(athlete.index());
      boolean inView =
          box.x() >= 0 && box.y() >= 0 && box.right() <= WIDTH && box.bottom() <= HEIGHT;
      boolean occluded = false;
      for (int j = 0; j < boxes.size(); j++) {
        if (j != athlete.index() && box.grownBy(0.1).intersectionOverUnion(boxes.get(j)) > 0) {
          occluded = true;
        }
      }
      states.add(
          new AthleteState(
              athlete.index(),
              athlete.lane(),
              athlete.position(t),
              athlete.speedMps(t),
              athlete.liftM(t),
              athlete.lap(t),
              box,
              inView,
              occluded));
    }
    return states;
  }

  /**
   * Returns every time an athlete entered the zone in [{@code fromMicros}, {@code toMicros}), in
   * time order, to the millisecond.
   */
  public List<ZoneEntry> zoneEntries(long fromMicros, long toMicros) {
    List<ZoneEntry> entries = new ArrayList<>();
    for (ScriptedAthlete athlete : athletes) {
      boolean inside = zone.contains(athlete.position((fromMicros - 1000) / 1e6));
      for (long t = fromMicros; t < toMicros; t += 1000) {
        boolean now = zone.contains(athlete.position(t / 1e6));
        if (now && !inside) {
          entries.add(new ZoneEntry(athlete.index(), t, ZONE_ID));
        }
        inside = now;
      }
    }
    entries.sort((a, b) -> Long.compare(a.mediaTimeUs(), b.mediaTimeUs()));
    return entries;
  }

  /** Returns every jump that takes off in [{@code fromMicros}, {@code toMicros}), in time order. */
  public List<ScriptedJump> jumps(long fromMicros, long toMicros) {
    List<ScriptedJump> jumps = new ArrayList<>();
    long period = periodMicros();
    for (ScriptedAthlete athlete : athletes) {
      long flight = Math.round(athlete.flightS() * 1e6);
      for (long base = Math.floorDiv(fromMicros, period) * period;
          base < toMicros;
          base += period) {
        for (double takeOff : athlete.jumpsInPeriod()) {
          long at = base + Math.round(takeOff * 1e6);
          if (at >= fromMicros && at < toMicros) {
            jumps.add(new ScriptedJump(athlete.index(), at, at + flight, athlete.jumpHeightM()));
          }
        }
      }
    }
    jumps.sort((a, b) -> Long.compare(a.takeOffUs(), b.takeOffUs()));
    return jumps;
  }

  /** Returns the zone athlete 3 (or the last athlete, with fewer) runs into every lap. */
  public Zone zone() {
    return zone;
  }

  /**
   * Returns landmarks an operator would click to calibrate the view: where the track's near and far
   * edges and the line between lanes 4 and 5 cross the 40, 50 and 60 m marks.
   */
  public List<CalibrationPoint> calibrationPoints() {
    List<CalibrationPoint> points = new ArrayList<>();
    for (double y : new double[] {0, 4 * LANE_WIDTH, LANES * LANE_WIDTH}) {
      for (double x : new double[] {40, 50, 60}) {
        GroundPoint ground = new GroundPoint(x, y);
        points.add(new CalibrationPoint(camera.project(ground), ground));
      }
    }
    return points;
  }

  /** Returns the homography fitted to {@link #calibrationPoints()}. */
  public Homography calibration() {
    return Homography.fit(calibrationPoints());
  }

  /** Returns the camera the scene is filmed with. */
  public PinholeCamera camera() {
    return camera;
  }

  /** Returns how many athletes run. */
  public int athleteCount() {
    return athletes.size();
  }

  /** Returns the length of the script, after which it repeats, in microseconds. */
  public long periodMicros() {
    return Math.round(PERIOD_S * 1e6);
  }
}
