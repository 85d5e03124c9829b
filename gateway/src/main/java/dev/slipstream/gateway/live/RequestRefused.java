package dev.slipstream.gateway.live;

import dev.slipstream.wire.v1.RequestErrorCode;

/** A client request that cannot be carried out; becomes a {@code RequestError} reply. */
final class RequestRefused extends Exception {
  private static final long serialVersionUID = 1L;

  private final RequestErrorCode code;

  RequestRefused(RequestErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  RequestErrorCode code() {
    return code;
  }
}
