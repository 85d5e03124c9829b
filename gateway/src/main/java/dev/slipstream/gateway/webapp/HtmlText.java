package dev.slipstream.gateway.webapp;

/**
 * Makes untrusted text safe to put into the server-rendered shell: as HTML text or a quoted
 * attribute value, or as JSON inside a {@code <script>} element.
 */
final class HtmlText {
  private HtmlText() {}

  /** Escapes {@code text} for HTML element content and double- or single-quoted attributes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Makes JSON text inert inside a {@code <script type="application/json">} element: {@code <},
   * {@code >} and {@code &} become JSON unicode escapes (so no {@code </script>} or {@code <!--}
   * can end the element early), and so do the line separators JavaScript once rejected in strings.
   * The result parses to the same value.
   */
  static String scriptSafeJson(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
