package dev.slipstream.vision.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import dev.slipstream.platform.state.SettableClock;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.kinematics.CalibrationPoint;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stream views against the real PostgreSQL: stored whole, revised safely, refused when unusable.
 */
class StreamViewsIT {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private StreamViews views;

  @BeforeEach
  void open() throws Exception {
    Database db = TestDatabase.embedded();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS vision CASCADE");
    }
    db.migrate(List.of(StreamViews.MIGRATION));
    views = StreamViews.postgres(db.dataSource(), clock);
  }

  static List<CalibrationPoint> field(double scale) {
    return List.of(
        point(100, 300, 0, 0),
        point(540, 300, 40 * scale, 0),
        point(600, 200, 40 * scale, 10),
        point(40, 200, 0, 10),
        point(320, 250, 20 * scale, 5));
  }

  static CalibrationPoint point(double ix, double iy, double gx, double gy) {
    return new CalibrationPoint(new PixelPoint(ix, iy), new GroundPoint(gx, gy));
  }

  static Zone finish() {
    return new Zone(
        "finish",
        List.of(
            new GroundPoint(30, 0),
            new GroundPoint(40, 0),
            new GroundPoint(40, 10),
            new GroundPoint(30, 10)));
  }

  @Test
  void storesPointsAndZonesAndReadsThemBackAsTheSameHomography() {
    StreamView view = StreamView.of(field(1), List.of(finish()));
    StoredView stored = views.put("s1", view, OptionalLong.empty(), "u-operator");

    StoredView read = views.find("s1").orElseThrow();
    assertThat(stored.revision()).isEqualTo(1);
    assertThat(read.revision()).isEqualTo(1);
    assertThat(read.updatedBy()).isEqualTo("u-operator");
    assertThat(read.updatedAt()).isEqualTo(clock.instant());
    assertThat(read.view().points()).isEqualTo(view.points());
    assertThat(read.view().zones()).isEqualTo(view.zones());
    PixelPoint probe = new PixelPoint(300, 260);
    assertThat(
            read.view().homography().toGround(probe).distanceTo(view.homography().toGround(probe)))
        .isLessThan(1e-9);
    assertThat(views.find("other")).isEmpty();
  }

  @Test
  void aReplacementQuotingAnOldRevisionIsRefusedAndChangesNothing() {
    views.put("s1", StreamView.of(field(1), List.of(finish())), OptionalLong.empty(), "a");
    views.put("s1", StreamView.of(field(1.1), List.of()), OptionalLong.of(1), "b");

    assertThatThrownBy(
            () -> views.put("s1", StreamView.of(field(2), List.of()), OptionalLong.of(1), "c"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("revision 2, not 1")
        .extracting(e -> ((ConflictException) e).code())
        .isEqualTo("revision_mismatch");
    StoredView now = views.find("s1").orElseThrow();
    assertThat(now.revision()).isEqualTo(2);
    assertThat(now.updatedBy()).isEqualTo("b");
    assertThat(now.view().zones()).isEmpty();
    assertThat(now.view().points()).isEqualTo(field(1.1));
  }

  @Test
  void ofTwoEditorsQuotingTheSameRevisionExactlyOneWins() throws Exception {
    views.put("s1", StreamView.of(field(1), List.of()), OptionalLong.empty(), "a");
    AtomicInteger conflicts = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> editors =
          java.util.stream.IntStream.range(0, 8)
              .<Future<?>>mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            try {
                              views.put(
                                  "s1",
                                  StreamView.of(field(1 + i / 10.0), List.of(finish())),
                                  OptionalLong.of(1),
                                  "editor-" + i);
                            } catch (ConflictException e) {
                              conflicts.incrementAndGet();
                            }
                          }))
              .toList();
      for (Future<?> editor : editors) {
        editor.get();
      }
    }
    assertThat(conflicts).hasValue(7);
    assertThat(views.find("s1").orElseThrow().revision()).isEqualTo(2);
  }

  @Test
  void putIfAbsentKeepsAnEditMadeBefore() {
    views.put("demo", StreamView.of(field(1.2), List.of()), OptionalLong.empty(), "operator");
    StoredView kept = views.putIfAbsent("demo", StreamView.of(field(1), List.of(finish())), "demo");
    assertThat(kept.updatedBy()).isEqualTo("operator");
    assertThat(views.find("demo").orElseThrow().view().points()).isEqualTo(field(1.2));

    assertThat(views.putIfAbsent("fresh", StreamView.of(field(1), List.of()), "demo").revision())
        .isEqualTo(1);
  }

  @Test
  void removeForgetsTheViewAndItsZones() {
    views.put("s1", StreamView.of(field(1), List.of(finish())), OptionalLong.empty(), "a");
    assertThat(views.remove("s1")).isTrue();
    assertThat(views.remove("s1")).isFalse();
    assertThat(views.find("s1")).isEmpty();
    StoredView again = views.put("s1", StreamView.of(field(1), List.of()), OptionalLong.of(0), "a");
    assertThat(again.revision()).isEqualTo(1);
  }

  @Test
  void unusableViewsAreRefusedWithTheirOwnCodes() {
    assertThatThrownBy(() -> StreamView.of(field(1).subList(0, 3), List.of()))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("calibration_too_few_points");
    List<CalibrationPoint> onALine =
        List.of(point(0, 0, 0, 0), point(10, 10, 1, 1), point(20, 20, 2, 2), point(30, 30, 3, 3));
    assertThatThrownBy(() -> StreamView.of(onALine, List.of()))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("calibration_collinear_points");
    assertThatThrownBy(() -> StreamView.of(field(1), List.of(finish(), finish())))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("zone_duplicate_id");
    assertThat(views.find("s1")).isEmpty();
  }
}
