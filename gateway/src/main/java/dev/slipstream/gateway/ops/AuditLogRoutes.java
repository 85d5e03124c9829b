package dev.slipstream.gateway.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.ledger.audit.AuditEntry;
import dev.slipstream.ledger.audit.AuditLog;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/operator/audit?cursor=&limit=}: the append-only audit log, newest first, a page
 * at a time (operators). Read-only: nothing here writes to the log.
 */
public final class AuditLogRoutes {
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditLogRoutes() {}

  /** One line as the API shows it; {@code details} is the line's JSON object. */
  record EntryView(
      String id, Instant at, String actor, String action, String subject, JsonNode details) {
    static EntryView of(AuditEntry e) {
      JsonNode details;
      try {
        details = JSON.readTree(e.details());
      } catch (Exception malformed) {
        details = JSON.getNodeFactory().textNode(e.details());
      }
      return new EntryView(
          Long.toString(e.id()), e.at(), e.actor(), e.action(), e.subject(), details);
    }
  }

  /** A page of lines; {@code nextCursor} is null on the last page. */
  record PageView(List<EntryView> items, @Nullable String nextCursor) {}

  /** Registers the route. */
  public static void register(RoutesConfig routes, AuditLog audit) {
    routes.get("/api/operator/audit", ctx -> page(ctx, audit), Access.OPERATOR);
  }

  private static void page(Context ctx, AuditLog audit) {
    int limit = limit(ctx.queryParam("limit"));
    Long before = cursor(ctx.queryParam("cursor"));
    List<AuditEntry> lines = audit.newest(before, limit);
    String next = lines.size() < limit ? null : Long.toString(lines.getLast().id());
    ctx.header("Cache-Control", "no-store");
    ctx.json(new PageView(lines.stream().map(EntryView::of).toList(), next));
  }

  private static int limit(@Nullable String raw) {
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // the refusal below
    }
    throw new InvalidInputException(
        "invalid_limit",
        "limit must be a whole number from 1 to " + MAX_LIMIT + " (was " + raw + ")");
  }

  private static @Nullable Long cursor(@Nullable String raw) {
    if (raw == null || raw.isEmpty()) {
      return null;
    }
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // the refusal below
    }
    throw new InvalidInputException(
        "invalid_cursor", "cursor must be the nextCursor of an earlier page (was " + raw + ")");
  }
}
