package dev.slipstream.server.config;

import java.util.List;
import java.util.Optional;

/** Every setting Slipstream reads, with its default and what it allows: the one catalogue. */
public final class Settings {
  /** The address the HTTP server binds. */
  public static final Setting HTTP_HOST =
      new Setting(
          "http.host",
          "127.0.0.1",
          "an IP address or host name of this machine (0.0.0.0 for all)",
          "Address the web app and API listen on.");

  /** The HTTP port. */
  public static final Setting HTTP_PORT =
      new Setting("http.port", "8080", "1–65535", "Port of the web app and API.");

  /** Where local state lives. */
  public static final Setting DATA_DIR =
      new Setting(
          "data.dir",
          "<slipstream folder>/.data",
          "a folder this user can write",
          "Where the embedded database and other local state live; kept across restarts.");

  /** An external PostgreSQL instead of the embedded one. */
  public static final Setting DATABASE_URL =
      new Setting(
          "database.url",
          "",
          "a jdbc:postgresql:// URL, or empty for the embedded database",
          "External PostgreSQL to use instead of the embedded one.");

  /** The external database's user. */
  public static final Setting DATABASE_USER =
      new Setting(
          "database.user",
          "",
          "a user name",
          "User for the external database (or put it in the URL).");

  /** The external database's password. */
  public static final Setting DATABASE_PASSWORD =
      new Setting(
          "database.password",
          "",
          "a password",
          "Password for the external database; never printed.");

  /** Connection pool size. */
  public static final Setting DATABASE_POOL_SIZE =
      new Setting("database.pool.size", "16", "1–500", "Most database connections held open.");

  /** The media plane's UDP port. */
  public static final Setting MEDIA_UDP_PORT =
      new Setting(
          "media.udp.port",
          "10000",
          "0–65535 (0 picks a free port)",
          "UDP port every WebRTC publisher and viewer sends media to (ICE-lite, one port for all).");

  /** The media plane's ICE-TCP port. */
  public static final Setting MEDIA_TCP_PORT =
      new Setting(
          "media.tcp.port",
          "10000",
          "0–65535 (0 picks a free port)",
          "TCP port for WebRTC peers that cannot use UDP (ICE-TCP, passive).");

  /** The RTMP ingest listener. */
  public static final Setting MEDIA_RTMP_PORT =
      new Setting(
          "media.rtmp.port",
          "1935",
          "0–65535 (0 turns RTMP ingest off)",
          "RTMP ingest (OBS: server rtmp://host:port/live, stream key = the publish key).");

  /** The SRT ingest listener. */
  public static final Setting MEDIA_SRT_PORT =
      new Setting(
          "media.srt.port",
          "9000",
          "0–65535 (0 turns SRT ingest off)",
          "SRT ingest (srt://host:port?streamid=<publish key>), UDP.");

  /** Addresses to announce in ICE candidates. */
  public static final Setting MEDIA_ANNOUNCED_ADDRESSES =
      new Setting(
          "media.announced.addresses",
          "",
          "comma-separated IP addresses, or empty for this machine's own",
          "Addresses put in ICE candidates, e.g. the public IP of a server behind NAT.");

  /** How long a live stream waits for its publisher to come back. */
  public static final Setting MEDIA_RECONNECT_GRACE =
      new Setting(
          "media.reconnect.grace.seconds",
          "10",
          "0–300",
          "How long a live stream whose publisher vanished waits for it before going idle.");

  /** Redis for state and bus shared between processes. */
  public static final Setting REDIS_URL =
      new Setting(
          "redis.url",
          "",
          "redis://host:port or rediss://host:port, or empty for the in-process bus",
          "Redis that several Slipstream processes share for hot state and events.");

  /** Roles for {@code run}. */
  public static final Setting ROLES =
      new Setting(
          "roles",
          "all",
          "a comma-separated list of media, vision, markets, ledger, gateway, or all",
          "Roles this process runs (the run command; demo always runs all).");

  /** The pose model of the vision pipeline. */
  public static final Setting VISION_POSE =
      new Setting(
          "vision.pose",
          "lite",
          "off, lite or full",
          "BlazePose model run on each tracked athlete (lite is faster; off skips pose, and jumps).");

  /** How the vision pipeline finds people. */
  public static final Setting VISION_DETECTOR =
      new Setting(
          "vision.detector",
          "background",
          "background or onnx",
          "How vision finds people: background subtraction (wide, static shots) or the ONNX model in"
              + " vision.onnx.model.");

  /** Where the bet shard's journal makes bets durable. */
  public static final Setting BETS_JOURNAL =
      new Setting(
          "bets.journal",
          "postgres",
          "postgres or local",
          "Where a bet becomes durable before it is answered: a group commit to PostgreSQL, or a"
              + " local file in the data folder fsynced per batch and drained to PostgreSQL, with"
              + " stakes drawn from floats the shard reserves on wallets.");

  /** The person detector model for {@code vision.detector=onnx}. */
  public static final Setting VISION_ONNX_MODEL =
      new Setting(
          "vision.onnx.model",
          "",
          "a readable .onnx file, or empty",
          "Person detector for vision.detector=onnx: input [1,3,H,W] RGB in 0–1, output rows of"
              + " x1, y1, x2, y2, score, class (docs/ARCHITECTURE.md).");

  /** Largest request body. */
  public static final Setting MAX_REQUEST_BYTES =
      new Setting(
          "http.max.request.bytes",
          "1048576",
          "1024–1073741824",
          "Largest HTTP request body accepted; larger ones get 413.");

  /** Origins allowed to call the API from a browser page. */
  public static final Setting CORS_ORIGINS =
      new Setting(
          "http.cors.origins",
          "",
          "comma-separated origins such as https://app.example.com, or empty",
          "Web pages on other origins that may call the API with the user's cookies (CORS).");

  /** The email that becomes admin. */
  public static final Setting ADMIN_EMAIL =
      new Setting(
          "admin.email",
          "",
          "an email address, or empty",
          "The account with this email is an admin (on registration, or at start if it exists).");

  /** HS256 secrets for tokens. */
  public static final Setting JWT_SECRETS =
      new Setting(
          "auth.jwt.secrets",
          "",
          "comma-separated secrets of 32+ bytes (first signs, all verify), or empty",
          "Keys that sign access and play tokens; empty keeps a generated one in the database;"
              + " never printed.");

  /** Access-token lifetime. */
  public static final Setting ACCESS_TOKEN_SECONDS =
      new Setting(
          "auth.access.token.seconds",
          "900",
          "60–86400",
          "How long an access token (JWT) is good for.");

  /** Refresh-token lifetime. */
  public static final Setting REFRESH_TOKEN_DAYS =
      new Setting(
          "auth.refresh.token.days",
          "30",
          "1–365",
          "How long an unused refresh token is good for; each use replaces it.");

  /** The secret payment webhooks are signed with. */
  public static final Setting PAYMENTS_WEBHOOK_SECRET =
      new Setting(
          "payments.webhook.secret",
          "",
          "a secret of 32+ bytes, or empty",
          "Secret the payment provider signs its webhooks with (HMAC-SHA256); empty generates one"
              + " at each start, shared with the in-process sandbox; never printed.");

  /** Withdrawals above this wait for an operator. */
  public static final Setting PAYMENTS_REVIEW_THRESHOLD =
      new Setting(
          "payments.review.threshold.minor",
          "100000",
          "0–1000000000000 (0 reviews every withdrawal)",
          "Withdrawals above this many minor units (cents) wait for an operator's approval.");

  /** How long a deposit may wait for the provider. */
  public static final Setting PAYMENTS_DEPOSIT_TIMEOUT =
      new Setting(
          "payments.deposit.timeout.seconds",
          "900",
          "60–86400",
          "A deposit the provider has not answered after this long is failed (reason timeout) by"
              + " a sweep every minute; a later confirmation still credits it.");

  /** The sandbox's answer delay. */
  public static final Setting PAYMENTS_SANDBOX_CONFIRM =
      new Setting(
          "payments.sandbox.confirm.seconds",
          "2",
          "0–300",
          "How long the sandbox card processor takes to answer a deposit or payout.");

  /** Keys that encrypt personal data. */
  public static final Setting PRIVACY_DATA_KEYS =
      new Setting(
          "privacy.data.keys",
          "",
          "comma-separated id:base64 of 32 random bytes (first encrypts, all decrypt), or empty",
          "AES-256-GCM keys for personal data at rest; put a new key first to rotate (values are"
              + " re-encrypted at the next start); empty uses a built-in demo key, which protects"
              + " nothing; never printed.");

  /** The key of blind indexes. */
  public static final Setting PRIVACY_INDEX_KEY =
      new Setting(
          "privacy.index.key",
          "",
          "base64 of 32+ random bytes, or empty (only with privacy.data.keys empty)",
          "HMAC key of the email blind index and device and address fingerprints; changing it"
              + " makes existing accounts unfindable; never printed.");

  /** REST requests per second from one address. */
  public static final Setting RATE_ADDRESS_PER_SECOND =
      new Setting(
          "http.rate.address.per.second",
          "100",
          "0–1000000 (0 turns the limit off)",
          "REST requests (/api/*) one client address may make each second; more get 429"
              + " rate_limited with Retry-After.");

  /** Burst of REST requests from one address. */
  public static final Setting RATE_ADDRESS_BURST =
      new Setting(
          "http.rate.address.burst",
          "200",
          "1–1000000",
          "REST requests one client address may make at once before its per-second rate applies.");

  /** REST requests per second of one account. */
  public static final Setting RATE_ACCOUNT_PER_SECOND =
      new Setting(
          "http.rate.account.per.second",
          "50",
          "0–1000000 (0 turns the limit off)",
          "REST requests one signed-in account may make each second, from all its addresses"
              + " together.");

  /** Burst of REST requests of one account. */
  public static final Setting RATE_ACCOUNT_BURST =
      new Setting(
          "http.rate.account.burst",
          "100",
          "1–1000000",
          "REST requests one signed-in account may make at once before its per-second rate"
              + " applies.");

  /** Where rate-limit buckets live. */
  public static final Setting RATE_STORE =
      new Setting(
          "http.rate.store",
          "in-process",
          "in-process or redis (needs redis.url)",
          "Where rate-limit buckets live: this process only, or Redis, shared by every node.");

  /** Connections per address. */
  public static final Setting MAX_CONNECTIONS_PER_ADDRESS =
      new Setting(
          "http.max.connections.per.address",
          "256",
          "0–100000 (0 for no cap)",
          "Most TCP connections one client address may hold open; the next is answered 429 and"
              + " closed.");

  /** Live sockets per address. */
  public static final Setting MAX_LIVE_SOCKETS_PER_ADDRESS =
      new Setting(
          "http.max.live.sockets.per.address",
          "32",
          "0–100000 (0 for no cap)",
          "Most live sockets (/api/live) one client address may hold open; the next upgrade gets"
              + " 429.");

  /** Idle timeout of HTTP connections. */
  public static final Setting IDLE_TIMEOUT =
      new Setting(
          "http.idle.timeout.seconds",
          "30",
          "1–3600",
          "A connection that sends and receives nothing this long is closed (cuts off stalled,"
              + " slowloris-style requests).");

  /** Slowest accepted request body. */
  public static final Setting MIN_REQUEST_DATA_RATE =
      new Setting(
          "http.min.request.bytes.per.second",
          "256",
          "0–1000000000 (0 for no minimum)",
          "A request body arriving slower than this fails (slow-body attacks).");

  /** Largest request head. */
  public static final Setting MAX_HEADER_BYTES =
      new Setting(
          "http.max.header.bytes",
          "8192",
          "1024–1048576",
          "Largest request line plus headers accepted; larger ones get 431.");

  /** Whether to serve TLS. */
  public static final Setting TLS =
      new Setting(
          "tls",
          "off",
          "off, self-signed, pem or pkcs12",
          "Serve HTTPS and WSS: self-signed makes a development certificate for localhost at"
              + " each start; pem and pkcs12 read tls.certificate (and tls.key).");

  /** The TLS certificate file. */
  public static final Setting TLS_CERTIFICATE =
      new Setting(
          "tls.certificate",
          "",
          "a readable file: PEM certificate chain (tls=pem) or PKCS#12 keystore (tls=pkcs12)",
          "Certificate (chain) served with tls=pem, or the keystore with tls=pkcs12.");

  /** The TLS private key file. */
  public static final Setting TLS_KEY =
      new Setting(
          "tls.key",
          "",
          "a readable unencrypted PEM private key (tls=pem)",
          "Private key of the certificate with tls=pem.");

  /** The PKCS#12 keystore's password. */
  public static final Setting TLS_PASSWORD =
      new Setting(
          "tls.password",
          "",
          "the keystore's password (tls=pkcs12)",
          "Password of the PKCS#12 keystore and its key; never printed.");

  /** Log level. */
  public static final Setting LOG_LEVEL =
      new Setting(
          "log.level", "info", "trace, debug, info, warn or error", "How much the server logs.");

  /** The optional configuration file. */
  public static final Setting CONFIG =
      new Setting(
          "config",
          "",
          "a Java properties file whose keys are the setting keys (http.port=8080)",
          "Optional configuration file; flags and environment override it.");

  /** Every setting, in the order help and documentation list them. */
  public static final List<Setting> ALL =
      List.of(
          HTTP_HOST,
          HTTP_PORT,
          DATA_DIR,
          DATABASE_URL,
          DATABASE_USER,
          DATABASE_PASSWORD,
          DATABASE_POOL_SIZE,
          REDIS_URL,
          MEDIA_UDP_PORT,
          MEDIA_TCP_PORT,
          MEDIA_RTMP_PORT,
          MEDIA_SRT_PORT,
          MEDIA_ANNOUNCED_ADDRESSES,
          MEDIA_RECONNECT_GRACE,
          VISION_POSE,
          VISION_DETECTOR,
          BETS_JOURNAL,
          VISION_ONNX_MODEL,
          ROLES,
          MAX_REQUEST_BYTES,
          CORS_ORIGINS,
          ADMIN_EMAIL,
          JWT_SECRETS,
          ACCESS_TOKEN_SECONDS,
          REFRESH_TOKEN_DAYS,
          PAYMENTS_WEBHOOK_SECRET,
          PAYMENTS_REVIEW_THRESHOLD,
          PAYMENTS_DEPOSIT_TIMEOUT,
          PAYMENTS_SANDBOX_CONFIRM,
          PRIVACY_DATA_KEYS,
          PRIVACY_INDEX_KEY,
          RATE_ADDRESS_PER_SECOND,
          RATE_ADDRESS_BURST,
          RATE_ACCOUNT_PER_SECOND,
          RATE_ACCOUNT_BURST,
          RATE_STORE,
          MAX_CONNECTIONS_PER_ADDRESS,
          MAX_LIVE_SOCKETS_PER_ADDRESS,
          IDLE_TIMEOUT,
          MIN_REQUEST_DATA_RATE,
          MAX_HEADER_BYTES,
          TLS,
          TLS_CERTIFICATE,
          TLS_KEY,
          TLS_PASSWORD,
          LOG_LEVEL,
          CONFIG);

  /** Environment variables the launcher script reads itself; the server ignores them. */
  public static final List<String> LAUNCHER_ONLY = List.of("SLIPSTREAM_JAVA_OPTS");

  private Settings() {}

  /** Finds the setting with this file key. */
  public static Optional<Setting> byKey(String key) {
    return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
