package dev.slipstream.gateway.http;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.RejectedException;
import dev.slipstream.platform.UnauthorizedException;

/**
 * The HTTP status and problem title for each kind of refusal a module can give.
 *
 * @param code the HTTP status code
 * @param title the problem document's title
 */
public record RejectionStatus(int code, String title) {

  /** Returns the status for {@code rejection}. */
  public static RejectionStatus of(RejectedException rejection) {
    return switch (rejection) {
      case InvalidInputException e -> new RejectionStatus(400, "Invalid request");
      case UnauthorizedException e -> new RejectionStatus(401, "Not authorised");
      case NotFoundException e -> new RejectionStatus(404, "Not found");
      case ConflictException e -> new RejectionStatus(409, "Conflict");
    };
  }
}
