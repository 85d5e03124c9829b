package dev.slipstream.platform.bus;

import dev.slipstream.platform.state.SharedStateUnavailableException;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Topics on Redis Streams, with the dense offsets of the {@link EventBus} contract.
 *
 * <p>Design: each topic is a stream {@code <prefix>topic:{<topic>}} plus a counter {@code
 * <prefix>topic:{<topic>}:seq}. A Lua script increments the counter and adds the entry with the
 * explicit id {@code <offset>-0}, atomically, so offsets are dense longs that equal the stream ids,
 * whatever the number of appenders on whatever nodes. The braces are a Redis Cluster hash tag that
 * keeps both keys in one slot. The same script trims the stream to the retention with an exact
 * {@code MAXLEN} (an approximate one would make the trimmed signal imprecise) and publishes the new
 * offset on {@code <prefix>topic-appended:<topic>}, which wakes followers on every node.
 *
 * <p>A read is one {@code XRANGE <from>-0 + COUNT n}. Because offsets are dense and {@code MAXLEN}
 * is at least 1, the answer alone tells a trim apart from the end of the topic: if its first entry
 * is after {@code from}, the entries before were trimmed; if it is empty, {@code from} lies beyond
 * the newest offset.
 */
final class RedisTopics {
  private static final String PAYLOAD_FIELD = "p";

  // string.format keeps large offsets in integer notation, where tostring would print 1e+15.
  private static final String APPEND =
      """
      local offset = redis.call('INCR', KEYS[2])
      local id = string.format('%d', offset)
      redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[2], id .. '-0', 'p', ARGV[1])
      redis.call('PUBLISH', ARGV[3], id)
      return offset
      """;

  private final StatefulRedisConnection<String, byte[]> connection;
  private final String keyPrefix;
  private final BusLimits limits;

  RedisTopics(
      StatefulRedisConnection<String, byte[]> connection, String keyPrefix, BusLimits limits) {
    this.connection = connection;
    this.keyPrefix = keyPrefix;
    this.limits = limits;
  }

  long append(String topic, byte[] payload) {
    byte[] channel = appendedChannel(topic).getBytes(StandardCharsets.UTF_8);
    byte[] maxEntries =
        Integer.toString(limits.maxEntriesOf(topic)).getBytes(StandardCharsets.US_ASCII);
    Long offset =
        call(
            "append to topic " + topic,
            redis ->
                redis.eval(
                    APPEND,
                    ScriptOutputType.INTEGER,
                    new String[] {streamKey(topic), sequenceKey(topic)},
                    payload,
                    maxEntries,
                    channel));
    return offset;
  }

  TopicRead read(String topic, long fromOffset, int maxCount) {
    List<StreamMessage<String, byte[]>> entries =
        call(
            "read topic " + topic,
            redis ->
                redis.xrange(
                    streamKey(topic), Range.create(fromOffset + "-0", "+"), Limit.from(maxCount)));
    if (entries.isEmpty()) {
      return TopicBatch.empty();
    }
    long first = offsetOf(entries.get(0));
    if (first > fromOffset) {
      return new OffsetsTrimmed(topic, fromOffset, first);
    }
    List<TopicEvent> events = new ArrayList<>(entries.size());
    for (StreamMessage<String, byte[]> entry : entries) {
      byte[] payload = entry.getBody().get(PAYLOAD_FIELD);
      events.add(new TopicEvent(topic, offsetOf(entry), payload == null ? new byte[0] : payload));
    }
    return new TopicBatch(events);
  }

  long latestOffset(String topic) {
    byte[] value =
        call("read the offset of topic " + topic, redis -> redis.get(sequenceKey(topic)));
    return value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
  }

  /** Returns the Pub/Sub channel on which appends to {@code topic} are announced. */
  String appendedChannel(String topic) {
    return keyPrefix + "topic-appended:" + topic;
  }

  private String streamKey(String topic) {
    return keyPrefix + "topic:{" + topic + "}";
  }

  private String sequenceKey(String topic) {
    return keyPrefix + "topic:{" + topic + "}:seq";
  }

  private static long offsetOf(StreamMessage<String, byte[]> entry) {
    String id = entry.getId();
    return Long.parseLong(id.substring(0, id.indexOf('-')));
  }

  private <T> T call(String operation, Function<RedisCommands<String, byte[]>, T> command) {
    try {
      return command.apply(connection.sync());
    } catch (RedisException e) {
      throw new SharedStateUnavailableException(
          "Redis event bus failed to " + operation + ": " + e.getMessage(), e);
    }
  }
}
