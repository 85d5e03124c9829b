/**
 * SRTP and SRTCP for the SFU: {@link dev.slipstream.media.srtp.SrtpSession} protects and checks
 * media packets in place with keys from DTLS-SRTP ({@link
 * dev.slipstream.media.srtp.SrtpKeyMaterial}), returning lengths or {@link
 * dev.slipstream.media.srtp.SrtpFailure} codes instead of throwing. jitsi-srtp does the
 * cryptography; none of its types cross this package's API.
 */
package dev.slipstream.media.srtp;
