package dev.slipstream.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.guard.ContentSecurityPolicy;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /api/openapi.json}: the OpenAPI document of exactly the routes this gateway serves,
 * built once on first request (the route table is complete by then); {@code GET /api/docs}: a page
 * that lists them for people, from that document (no script from elsewhere).
 */
public final class OpenApiRoutes {
  /** The document's path. */
  public static final String PATH = "/api/openapi.json";

  /** The page that shows the document to people. */
  public static final String DOCS_PATH = "/api/docs";

  private OpenApiRoutes() {}

  /** Registers the route; {@code document} builds the document from the finished route table. */
  public static void register(RoutesConfig routes, Supplier<ObjectNode> document) {
    Supplier<ObjectNode> once = new Once(document);
    routes.get(
        PATH,
        ctx -> {
          ctx.header("Cache-Control", "no-cache");
          ctx.json(once.get());
        },
        Access.ANYONE);
    byte[] page = docsPage();
    String policy =
        ContentSecurityPolicy.allowingInlineOf(new String(page, StandardCharsets.UTF_8));
    routes.get(
        DOCS_PATH,
        ctx -> {
          ctx.header("Cache-Control", "no-cache");
          ctx.header("Content-Security-Policy", policy);
          ctx.contentType("text/html; charset=utf-8");
          ctx.result(page);
        },
        Access.ANYONE);
  }

  private static byte[] docsPage() {
    try (InputStream in = OpenApiRoutes.class.getResourceAsStream("docs.html")) {
      if (in == null) {
        throw new IllegalStateException("docs.html is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Once implements Supplier<ObjectNode> {
    private final Supplier<ObjectNode> build;
    private volatile ObjectNode built;

    Once(Supplier<ObjectNode> build) {
      this.build = build;
    }

    @Override
    public ObjectNode get() {
      ObjectNode document = built;
      if (document == null) {
        document = build.get();
        built = document;
      }
      return document;
    }
  }
}
