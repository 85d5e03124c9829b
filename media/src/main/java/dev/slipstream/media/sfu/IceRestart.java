package dev.slipstream.media.sfu;

/**
 * The server's side of an ICE restart, for the {@code 200} answer to a WHIP or WHEP {@code PATCH}.
 *
 * @param fragment the {@code application/trickle-ice-sdpfrag} answer: new credentials, candidates
 * @param etag the session's new entity tag, for the {@code ETag} header
 */
public record IceRestart(String fragment, String etag) {}
