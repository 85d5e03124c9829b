package dev.slipstream.gateway.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Who owns each stream and whether playing it needs a play token, kept on the gateway's side
 * ({@code gateway.stream_access}) so the media plane stays unaware of accounts; and the play tokens
 * themselves: short-lived JWTs naming one stream.
 */
public final class StreamAccess {
  /** What a stream's row says; streams without a row have no owner and play openly. */
  public record Policy(Optional<String> ownerId, boolean playTokenRequired) {}

  /** A freshly issued play token. */
  public record PlayToken(String token, String streamId, java.time.Instant expiresAt) {}

  private static final Pattern STREAM_ID = Pattern.compile("str_[a-z0-9]{16}");

  private final DataSource dataSource;
  private final JwtTokens tokens;
  private final InstantSource clock;
  private final Duration playTokenTtl;

  StreamAccess(
      DataSource dataSource, JwtTokens tokens, InstantSource clock, Duration playTokenTtl) {
    this.dataSource = dataSource;
    this.tokens = tokens;
    this.clock = clock;
    this.playTokenTtl = playTokenTtl;
  }

  /** Records {@code ownerId} as the creator of a new stream. */
  public void recordOwner(String streamId, String ownerId, boolean playTokenRequired) {
    upsert(
        """
        INSERT INTO gateway.stream_access (stream_id, owner_id, play_token_required, updated_at)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (stream_id) DO UPDATE SET owner_id = EXCLUDED.owner_id,
          play_token_required = EXCLUDED.play_token_required, updated_at = EXCLUDED.updated_at""",
        streamId,
        ownerId,
        playTokenRequired);
  }

  /** Sets whether playing the stream needs a play token, keeping its owner. */
  public void setPlayTokenRequired(String streamId, boolean required) {
    upsert(
        """
        INSERT INTO gateway.stream_access (stream_id, owner_id, play_token_required, updated_at)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (stream_id) DO UPDATE SET
          play_token_required = EXCLUDED.play_token_required, updated_at = EXCLUDED.updated_at""",
        streamId,
        null,
        required);
  }

  /** Returns the stream's policy. */
  public Policy policy(String streamId) {
    if (streamId == null || !STREAM_ID.matcher(streamId).matches()) {
      return new Policy(Optional.empty(), false);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT owner_id, play_token_required FROM gateway.stream_access"
                    + " WHERE stream_id = ?")) {
      s.setString(1, streamId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? new Policy(Optional.ofNullable(rs.getString(1)), rs.getBoolean(2))
            : new Policy(Optional.empty(), false);
      }
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }

  /** Issues a play token for {@code streamId} to {@code caller}. */
  public PlayToken issuePlayToken(Caller caller, String streamId) {
    JwtTokens.Signed signed = tokens.issuePlay(caller.userId(), streamId, playTokenTtl);
    return new PlayToken(signed.token(), streamId, signed.expiresAt());
  }

  /**
   * Lets a viewer play {@code streamId} when the stream needs no play token, or {@code bearer} is a
   * valid play token for it.
   *
   * @throws dev.slipstream.platform.UnauthorizedException {@code play_token_required}, {@code
   *     invalid_play_token} or {@code play_token_expired}
   * @throws AccessDeniedException {@code play_token_wrong_stream}
   */
  public void authorizePlay(String streamId, Optional<String> bearer) {
    if (!policy(streamId).playTokenRequired()) {
      return;
    }
    String token =
        bearer.orElseThrow(
            () ->
                new dev.slipstream.platform.UnauthorizedException(
                    "play_token_required",
                    "this stream needs a play token: POST /api/streams/"
                        + streamId
                        + "/play-token, then send it as Authorization: Bearer <token>"));
    JwtTokens.PlayGrant grant = tokens.verifyPlay(token);
    if (!grant.streamId().equals(streamId)) {
      throw new AccessDeniedException(
          "play_token_wrong_stream", "this play token is for another stream");
    }
  }

  private void upsert(String sql, String streamId, String ownerId, boolean required) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, streamId);
      s.setString(2, ownerId);
      s.setBoolean(3, required);
      s.setTimestamp(4, Timestamp.from(clock.instant()));
      s.executeUpdate();
    } catch (SQLException e) {
      throw UserStore.failed(e);
    }
  }
}
