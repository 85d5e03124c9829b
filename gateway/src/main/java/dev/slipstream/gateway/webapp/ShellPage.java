package dev.slipstream.gateway.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.media.stream.StreamInfo;
import dev.slipstream.media.stream.StreamPage;
import dev.slipstream.media.stream.StreamState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Renders the app's {@code index.html} for one page with what the server already knows: the stream
 * list (and, on a stream's page, the stream) as JSON in {@code <script id="initial-state">} for the
 * app to start from, the page's title, description and Open Graph tags, and a plain list of links
 * inside {@code #root} that reads without JavaScript (the app replaces it when it starts). Every
 * piece of stream data is escaped for where it lands.
 */
final class ShellPage {
  private static final Pattern TITLE = Pattern.compile("<title>[^<]*</title>");
  private static final Pattern DESCRIPTION =
      Pattern.compile("<meta name=\"description\" content=\"[^\"]*\"\\s*/?>");
  private static final String ROOT = "<div id=\"root\"></div>";
  private static final String SITE = "Slipstream";
  private static final String SITE_DESCRIPTION =
      "Slipstream: live sport with real-time analytics and in-play micro-markets.";

  private final String template;
  private final ObjectMapper json;

  ShellPage(String template, ObjectMapper json) {
    if (!template.contains(ROOT) || !template.contains("</head>")) {
      throw new IllegalArgumentException("the web app's index.html has no " + ROOT + " or </head>");
    }
    this.template = template;
    this.json = json;
  }

  /**
   * Renders a page.
   *
   * @param pageUrl the page's absolute URL, for {@code og:url}
   * @param streams the first page of the stream list
   * @param stream the stream this page shows, or null on pages that show none
   * @param imageUrl the absolute URL of the stream's current picture, or null when there is none
   */
  String render(
      String pageUrl, StreamPage streams, @Nullable StreamInfo stream, @Nullable String imageUrl) {
    String title = stream == null ? SITE : stream.title() + " · " + SITE;
    String description = stream == null ? SITE_DESCRIPTION : describe(stream);
    StringBuilder head = new StringBuilder();
    if (stream != null) {
      meta(head, "og:type", "video.other");
      meta(head, "og:site_name", SITE);
      meta(head, "og:title", stream.title());
      meta(head, "og:description", description);
      meta(head, "og:url", pageUrl);
      if (imageUrl != null) {
        meta(head, "og:image", imageUrl);
      }
    }
    head.append("<script id=\"initial-state\" type=\"application/json\">")
        .append(HtmlText.scriptSafeJson(initialState(streams, stream)))
        .append("</script>\n");
    String html = replaceOnce(template, TITLE, "<title>" + HtmlText.escape(title) + "</title>");
    html =
        replaceOnce(
            html,
            DESCRIPTION,
            "<meta name=\"description\" content=\"" + HtmlText.escape(description) + "\" />");
    html = html.replace("</head>", head + "</head>");
    return html.replace(
        ROOT,
        "<div id=\"root\">" + StaticListing.render(ordered(streams.items()), stream) + "</div>");
  }

  private static void meta(StringBuilder head, String property, String content) {
    head.append("<meta property=\"")
        .append(property)
        .append("\" content=\"")
        .append(HtmlText.escape(content))
        .append("\" />\n");
  }

  private static String describe(StreamInfo stream) {
    return switch (stream.state()) {
      case LIVE ->
          stream.title()
              + ": live now on Slipstream, with real-time analytics and in-play markets.";
      case ENDED -> stream.title() + ": a broadcast on Slipstream that has ended.";
      case IDLE ->
          stream.title() + ": on Slipstream soon, with real-time analytics and in-play markets.";
    };
  }

  private String initialState(StreamPage streams, @Nullable StreamInfo stream) {
    ObjectNode state = json.createObjectNode();
    ObjectNode list = state.putObject("streams");
    var items = list.putArray("items");
    streams.items().forEach(s -> items.add(streamJson(s)));
    list.put("nextCursor", streams.nextCursor().orElse(null));
    if (stream != null) {
      state.set("stream", streamJson(stream));
    }
    try {
      return json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the initial state", e);
    }
  }

  private ObjectNode streamJson(StreamInfo s) {
    ObjectNode node = json.createObjectNode();
    node.put("id", s.id());
    node.put("title", s.title());
    node.put("state", s.state().wireName());
    node.put("createdAt", s.createdAt().toString());
    node.put("stateChangedAt", s.stateChangedAt().toString());
    return node;
  }

  /** Live streams first, then waiting ones, then ended ones; the server's order within each. */
  private static List<StreamInfo> ordered(List<StreamInfo> items) {
    return items.stream().sorted(Comparator.comparingInt(s -> rank(s.state()))).toList();
  }

  private static int rank(StreamState state) {
    return switch (state) {
      case LIVE -> 0;
      case ENDED -> 2;
      case IDLE -> 1;
    };
  }

  private static String replaceOnce(String html, Pattern pattern, String replacement) {
    Matcher matcher = pattern.matcher(html);
    return matcher.find()
        ? html.substring(0, matcher.start()) + replacement + html.substring(matcher.end())
        : html;
  }

  /** The stream id of a {@code /watch/<id>} path, if it is one. */
  static Optional<String> streamIdOf(String path) {
    Matcher matcher = Pattern.compile("^/watch/(str_[a-z0-9]{16})/?$").matcher(path);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
