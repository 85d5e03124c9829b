package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.RedisSettings;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import dev.slipstream.platform.state.LocalRedis;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.scene.SyntheticTrackScene;
import dev.slipstream.vision.view.StreamView;
import dev.slipstream.vision.view.StreamViews;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing one PostgreSQL and one Redis: a calibration changed through one reaches the
 * other's cache and its vision (the listener that restarts the pipeline) over the bus.
 */
class StreamCalibrationsIT {
  private final LocalRedis redis = LocalRedis.requireRunning("StreamCalibrationsIT");
  private SharedState sharedA;
  private SharedState sharedB;
  private StreamCalibrations nodeA;
  private StreamCalibrations nodeB;

  @BeforeEach
  void start() throws Exception {
    Database db = TestDatabase.embedded();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS vision CASCADE");
    }
    db.migrate(List.of(StreamViews.MIGRATION));
    RedisSettings settings = redis.freshSettings();
    sharedA = SharedState.redis(settings, BusLimits.defaults());
    sharedB = SharedState.redis(settings, BusLimits.defaults());
    nodeA =
        new StreamCalibrations(
            StreamViews.postgres(db.dataSource(), Clock.systemUTC()), sharedA.bus());
    nodeB =
        new StreamCalibrations(
            StreamViews.postgres(db.dataSource(), Clock.systemUTC()), sharedB.bus());
  }

  @AfterEach
  void stop() {
    nodeA.close();
    nodeB.close();
    sharedA.close();
    sharedB.close();
  }

  @Test
  void aChangeOnOneNodeReachesTheOthersVisionAndCache() {
    SyntheticTrackScene scene = SyntheticTrackScene.create(7, 4);
    List<String> changedOnB = new CopyOnWriteArrayList<>();
    nodeB.onChange(changedOnB::add);

    nodeA.putIfAbsent(
        "s1", StreamView.of(scene.calibrationPoints(), List.of(scene.zone())), "demo");
    await().atMost(Duration.ofSeconds(20)).until(() -> changedOnB.contains("s1"));
    assertThat(nodeB.of("s1").orElseThrow().zones())
        .extracting(Zone::id)
        .containsExactly(scene.zone().id());

    Zone start =
        new Zone(
            "start",
            List.of(
                new GroundPoint(0, 0),
                new GroundPoint(5, 0),
                new GroundPoint(5, 5),
                new GroundPoint(0, 5)));
    changedOnB.clear();
    nodeA.put(
        "s1",
        StreamView.of(scene.calibrationPoints(), List.of(scene.zone(), start)),
        OptionalLong.of(1),
        "operator");
    await().atMost(Duration.ofSeconds(20)).until(() -> changedOnB.contains("s1"));
    assertThat(nodeB.of("s1").orElseThrow().zones())
        .extracting(Zone::id)
        .containsExactly(scene.zone().id(), "start");

    changedOnB.clear();
    assertThat(nodeA.remove("s1")).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> changedOnB.contains("s1"));
    assertThat(nodeB.of("s1")).isEmpty();
    assertThat(nodeA.of("s1")).isEmpty();
  }
}
