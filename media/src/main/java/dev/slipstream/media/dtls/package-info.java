/**
 * DTLS-SRTP for the SFU (RFC 5764, RFC 8827): our self-signed {@link
 * dev.slipstream.media.dtls.DtlsCertificate}, its SDP {@link
 * dev.slipstream.media.dtls.CertificateFingerprint}, and a {@link
 * dev.slipstream.media.dtls.DtlsEndpoint} whose per-peer {@link
 * dev.slipstream.media.dtls.DtlsSession} — as DTLS server, or as client for a peer that offers
 * {@code a=setup:passive} — runs the handshake over datagrams the UDP layer pushes in, checks the
 * peer's certificate against its SDP and exports SRTP keys for {@link
 * dev.slipstream.media.srtp.SrtpSession}. BouncyCastle does the protocol; none of its types cross
 * this package's API.
 */
package dev.slipstream.media.dtls;
