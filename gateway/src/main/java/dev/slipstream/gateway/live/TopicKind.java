package dev.slipstream.gateway.live;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The bus topics a live subscription can follow, what their events hold, how they conflate, and
 * whether a slow socket may have them conflated ({@link #dropsWhenFull}).
 */
enum TopicKind {
  /** {@code stream.<id>.analytics}: {@code AnalyticsFrame}s; a snapshot is the latest frame. */
  ANALYTICS(true) {
    @Override
    String busTopic(String resourceId) {
      return "stream." + resourceId + ".analytics";
    }

    @Override
    FanoutEvent event(long offset, byte[] payload) throws InvalidProtocolBufferException {
      AnalyticsFrame.parseFrom(payload);
      return new FanoutEvent(
          offset, "frame", wrap(ServerMessage.ANALYTICS_FRAME_FIELD_NUMBER, payload));
    }
  },
  /** {@code stream.<id>.markets}: {@code MarketUpdate}s; a snapshot is the latest per market. */
  MARKETS(true) {
    @Override
    String busTopic(String resourceId) {
      return "stream." + resourceId + ".markets";
    }

    @Override
    FanoutEvent event(long offset, byte[] payload) throws InvalidProtocolBufferException {
      MarketUpdate update = MarketUpdate.parseFrom(payload);
      return new FanoutEvent(
          offset, update.getMarketId(), wrap(ServerMessage.MARKET_UPDATE_FIELD_NUMBER, payload));
    }
  },
  /**
   * {@code account.<userId>}: {@code ServerMessage}s with a bet result or a wallet update; never
   * dropped for a slow socket (they are few and each one matters), the latest wallet and each bet
   * are what a snapshot keeps.
   */
  ACCOUNT(false) {
    @Override
    String busTopic(String resourceId) {
      return AccountTopics.topic(resourceId);
    }

    @Override
    FanoutEvent event(long offset, byte[] payload) throws InvalidProtocolBufferException {
      ServerMessage message = ServerMessage.parseFrom(payload);
      String key =
          switch (message.getPayloadCase()) {
            case BET_RESULT -> "bet:" + message.getBetResult().getRequestId();
            case WALLET_UPDATE -> "wallet";
            case BET_SETTLEMENT -> "settled:" + message.getBetSettlement().getBetId();
            default -> "other:" + offset;
          };
      return new FanoutEvent(offset, key, payload);
    }
  };

  private final boolean dropsWhenFull;

  TopicKind(boolean dropsWhenFull) {
    this.dropsWhenFull = dropsWhenFull;
  }

  /** Whether a socket whose send queue is full gets this topic conflated rather than queued. */
  boolean dropsWhenFull() {
    return dropsWhenFull;
  }

  /** The bus topic for a stream or account id. */
  abstract String busTopic(String resourceId);

  /**
   * Checks a bus event's payload and encodes it once for every socket.
   *
   * @throws InvalidProtocolBufferException when the payload is not the topic's message
   */
  abstract FanoutEvent event(long offset, byte[] payload) throws InvalidProtocolBufferException;

  /**
   * Returns the kind a wire topic names; {@code TOPIC_STREAM} has none (callers refuse it first).
   */
  static TopicKind of(Topic topic) {
    return switch (topic) {
      case TOPIC_STREAM_ANALYTICS -> ANALYTICS;
      case TOPIC_STREAM_MARKETS -> MARKETS;
      case TOPIC_ACCOUNT -> ACCOUNT;
      default -> throw new IllegalArgumentException("no bus topic for " + topic);
    };
  }

  private static byte[] wrap(int field, byte[] payload) {
    byte[] out =
        new byte
            [CodedOutputStream.computeTagSize(field)
                + CodedOutputStream.computeUInt32SizeNoTag(payload.length)
                + payload.length];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    try {
      stream.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      stream.writeUInt32NoTag(payload.length);
      stream.writeRawBytes(payload);
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
