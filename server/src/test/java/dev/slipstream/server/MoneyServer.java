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
    return ServerProcess.start(
        List.of(
            "run",
            "--roles=markets,ledger,gateway",
            "--http-port=" + port,
            "--data-dir=" + data,
            "--payments-webhook-secret=" + webhookSecret,
            "--payments-sandbox-confirm-seconds=0",
            ApiAccounts.ADMIN_FLAG),
        Map.of());
  }
}
