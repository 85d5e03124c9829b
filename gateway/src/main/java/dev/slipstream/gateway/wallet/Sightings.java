package dev.slipstream.gateway.wallet;

import dev.slipstream.ledger.fraud.SightingEvent;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Records which device and address an account was used from, as keyed fingerprints (never the raw
 * values), and runs the fraud rules for the account. The device id is the client's own, sent as
 * {@value #DEVICE_HEADER}; the address is the TCP peer's.
 */
public final class Sightings {
  /** The request header a client names its device in. */
  public static final String DEVICE_HEADER = "X-Device-Id";

  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_\\-.:]{8,128}");

  private final MoneyServices money;

  /** Returns sightings kept through {@code money}. */
  public Sightings(MoneyServices money) {
    this.money = money;
  }

  /**
   * Checks the request's device id before anything is done.
   *
   * @throws InvalidInputException {@code invalid_device_id} when it is there but not 8 to 128 of
   *     letters, digits, {@code _ - . :}
   */
  public static void requireValidDevice(Context ctx) {
    requireValidDevice(ctx.header(DEVICE_HEADER));
  }

  /**
   * Checks a device id sent some other way than the header (GraphQL over a socket).
   *
   * @throws InvalidInputException {@code invalid_device_id} as for the header
   */
  public static void requireValidDevice(@Nullable String device) {
    if (device != null && !DEVICE_ID.matcher(device).matches()) {
      throw new InvalidInputException(
          "invalid_device_id",
          DEVICE_HEADER + " must be 8 to 128 letters, digits, '_', '-', '.' or ':'");
    }
  }

  /** Records that {@code userId} was seen now at {@code event} and checks the fraud rules. */
  public void record(Context ctx, String userId, SightingEvent event) {
    record(userId, event, ctx.header(DEVICE_HEADER), ctx.ip());
  }

  /**
   * Records that {@code userId} was seen now at {@code event} from {@code device} (checked, or
   * null) and {@code address}, and checks the fraud rules.
   */
  public void record(String userId, SightingEvent event, @Nullable String device, String address) {
    @Nullable String deviceRef =
        device == null ? null : money.fingerprints().fingerprint("device", device);
    String addressRef = money.fingerprints().fingerprint("ip", address);
    money.fraud().recordSighting(userId, event, deviceRef, addressRef);
    money.fraud().check(userId);
  }
}
