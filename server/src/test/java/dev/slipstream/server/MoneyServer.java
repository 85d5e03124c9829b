package dev.slipstream.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The server the money crash tests start and restart: markets, ledger and gateway on {@code data},
 * the sandbox card processor answering at once, webhooks signed with a known secret.
 */
final class MoneyServer {
  private MoneyServer() {}

  /** Starts {@code slipstream run} with the money roles on {@code port}. */
  static ServerProcess start(int port, Path data, String webhookSecret) throws IOException {
    return start(port, data, webhookSecret, List.of());
  }

  /** The same with {@code moreFlags} after the others. */
  static ServerProcess start(int port, Path data, String webhookSecret, List<String> moreFlags)
      throws IOException {
    List<String> flags =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--roles=markets,ledger,gateway",
                "--http-port=" + port,
                "--data-dir=" + data,
                "--payments-webhook-secret=" + webhookSecret,
                "--payments-sandbox-confirm-seconds=0",
                ApiAccounts.ADMIN_FLAG));
    flags.addAll(moreFlags);
    return ServerProcess.start(flags, Map.of());
  }
}
