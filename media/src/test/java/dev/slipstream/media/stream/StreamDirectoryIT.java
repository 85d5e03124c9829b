package dev.slipstream.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.RejectedException;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamDirectoryIT {
  private final Database db = TestDatabase.embedded();
  private Instant now = Instant.parse("2026-11-24T10:00:00Z");
  private final InstantSource clock = () -> now;
  private StreamDirectory directory;

  @BeforeEach
  void emptyDirectory() throws SQLException {
    db.migrate(List.of(StreamDirectory.MIGRATION));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE media.streams");
    }
    directory = StreamDirectory.postgres(db.dataSource(), clock, new SplittableRandom(7));
  }

  @Test
  void aNewStreamIsIdleAndCanBeFoundByItsId() {
    StreamInfo created = directory.create("  Men's 100 m final  ").stream();

    assertThat(created.id()).matches("str_[a-z0-9]{16}");
    assertThat(created.title()).isEqualTo("Men's 100 m final");
    assertThat(created.state()).isEqualTo(StreamState.IDLE);
    assertThat(created.createdAt()).isEqualTo(now);
    assertThat(created.stateChangedAt()).isEqualTo(now);
    assertThat(directory.find(created.id())).contains(created);
    assertThat(directory.find("str_doesnotexist0000")).isEmpty();
  }

  @Test
  void pagesWalkEveryStreamNewestFirstWithoutGapsOrRepeats() {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      titles.addFirst("heat " + i);
      directory.create("heat " + i);
      now = now.plus(Duration.ofSeconds(1));
    }

    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      StreamPage page = directory.list(cursor, 3);
      page.items().forEach(s -> seen.add(s.title()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent());

    assertThat(seen).isEqualTo(titles);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void onlyTheCurrentPublishKeyAuthorisesPublishing() {
    NewStream created = directory.create("Relay");
    String id = created.stream().id();
    String key = created.publishKey().value();

    assertThat(key).matches("sk_[A-Za-z0-9]{32}");
    assertThat(directory.authorizePublish(id, key).id()).isEqualTo(id);
    assertThat(directory.findByPublishKey(key).id()).isEqualTo(id);
    assertRejected(() -> directory.authorizePublish(id, "sk_wrong"), "invalid_publish_key");
    assertRejected(() -> directory.authorizePublish(id, ""), "invalid_publish_key");
    assertRejected(
        () -> directory.authorizePublish("str_nosuchstream00000", key), "stream_not_found");

    PublishKey rotated = directory.rotatePublishKey(id);

    assertThat(rotated.value()).isNotEqualTo(key);
    assertRejected(() -> directory.authorizePublish(id, key), "invalid_publish_key");
    assertRejected(() -> directory.findByPublishKey(key), "invalid_publish_key");
    assertThat(directory.authorizePublish(id, rotated.value()).id()).isEqualTo(id);
    assertThat(rotated.toString()).doesNotContain(rotated.value());
  }

  @Test
  void aStreamGoesLiveAndIdleAgainUntilItEndsForGood() {
    String id = directory.create("Hurdles").stream().id();
    now = now.plusSeconds(5);

    StreamInfo live = directory.moveTo(id, StreamState.LIVE);
    assertThat(live.state()).isEqualTo(StreamState.LIVE);
    assertThat(live.stateChangedAt()).isEqualTo(now);
    assertThat(directory.moveTo(id, StreamState.LIVE)).isEqualTo(live);
    assertThat(directory.moveTo(id, StreamState.IDLE).state()).isEqualTo(StreamState.IDLE);

    assertThat(directory.moveTo(id, StreamState.ENDED).state()).isEqualTo(StreamState.ENDED);
    assertThat(directory.get(id).state()).isEqualTo(StreamState.ENDED);
    assertRejected(() -> directory.moveTo(id, StreamState.LIVE), "stream_ended");
    assertRejected(() -> directory.rotatePublishKey(id), "stream_ended");
  }

  private static void assertRejected(Runnable call, String code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void badTitlesAreRejectedWithTheirReason() {
    assertThatThrownBy(() -> directory.create("   "))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("invalid_title"))
        .hasMessage("title must not be blank");
    assertThatThrownBy(() -> directory.create("x".repeat(121)))
        .hasMessage("title must be at most 120 characters");
    assertThatThrownBy(() -> directory.create("bell\u0007"))
        .hasMessage("title must not contain control characters");
    assertThat(directory.list(Optional.empty(), 10).items()).isEmpty();
  }

  @Test
  void aForgedCursorOrAnOutOfRangeLimitIsRejected() {
    assertThatThrownBy(() -> directory.list(Optional.of("not-a-cursor"), 10))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
    assertThatThrownBy(() -> directory.list(Optional.empty(), 0))
        .hasMessage("limit must be 1–100 (was 0)");
    assertThatThrownBy(() -> directory.list(Optional.empty(), 101))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("invalid_limit"));
  }
}
