package dev.slipstream.gateway.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Content-Security-Policy the gateway sends, and its variant for a page of its own. */
public final class ContentSecurityPolicy {
  /**
   * What pages of the web app may load and connect to: only this origin's scripts, styles, fonts
   * and sockets; images also from data: and blob: URLs; video also from blob: and live media
   * streams (WebRTC); no plug-ins, no framing by other sites.
   */
  public static final String DEFAULT =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " media-src 'self' blob: mediastream:; connect-src 'self'; font-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
  private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  private ContentSecurityPolicy() {}

  /**
   * Returns the default policy that also lets exactly the inline scripts and styles of {@code html}
   * run, by their SHA-256 hashes: for a page the server ships itself (the API docs), never for
   * anything a user wrote.
   */
  public static String allowingInlineOf(String html) {
    List<String> scripts = hashes(SCRIPT, html);
    List<String> styles = hashes(STYLE, html);
    return DEFAULT
        .replace("script-src 'self'", "script-src 'self'" + join(scripts))
        .replace("style-src 'self'", "style-src 'self'" + join(styles));
  }

  private static List<String> hashes(Pattern pattern, String html) {
    List<String> hashes = new ArrayList<>();
    Matcher m = pattern.matcher(html);
    while (m.find()) {
      hashes.add("'sha256-" + sha256(m.group(1)) + "'");
    }
    return hashes;
  }

  private static String join(List<String> hashes) {
    return hashes.isEmpty() ? "" : " " + String.join(" ", hashes);
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
