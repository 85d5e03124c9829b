/**
 * The SFU's shared media sockets: one UDP port ({@link dev.slipstream.media.transport.UdpMux}) and
 * one TCP port ({@link dev.slipstream.media.transport.TcpMux}, RFC 6544 passive candidates with RFC
 * 4571 framing) carry every session. Each demultiplexes by the first byte (RFC 7983): STUN goes to
 * the session named by the USERNAME's local ufrag and, when its ICE-lite responder accepts it,
 * binds the sender's address to that session; DTLS and RTP/RTCP go to the session bound to their
 * source.
 *
 * <p>{@link dev.slipstream.media.transport.HostCandidates} lists the candidates to put in SDP.
 */
@NullMarked
package dev.slipstream.media.transport;

import org.jspecify.annotations.NullMarked;
