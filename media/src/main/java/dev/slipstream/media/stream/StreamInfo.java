package dev.slipstream.media.stream;

import java.time.Instant;

/**
 * What anyone may know about a stream.
 *
 * @param id the stream's public id, {@code str_} and 16 lower-case letters or digits
 * @param title what the broadcaster called it
 * @param state where it is in its life
 * @param createdAt when it was created
 * @param stateChangedAt when it entered its current state
 */
public record StreamInfo(
    String id, String title, StreamState state, Instant createdAt, Instant stateChangedAt) {}
