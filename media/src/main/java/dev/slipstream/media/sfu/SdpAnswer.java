package dev.slipstream.media.sfu;

/**
 * The server's side of a WHIP or WHEP negotiation.
 *
 * @param sessionId the id of the new session, the last segment of its resource URL
 * @param answerSdp the SDP answer to return to the client
 */
public record SdpAnswer(String sessionId, String answerSdp, String etag) {}
