package dev.slipstream.media.stream;

/**
 * A stream just created, with the publish key its broadcaster needs; the key is never retrievable
 * again (only rotated).
 *
 * @param stream the stream
 * @param publishKey its secret publish key
 */
public record NewStream(StreamInfo stream, PublishKey publishKey) {}
