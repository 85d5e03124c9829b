package dev.slipstream.gateway.webapp;

import dev.slipstream.media.stream.StreamInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The markup inside {@code #root} before the app starts: the stream being shown (on a stream's
 * page) and every listed stream as a plain link, so the page reads without JavaScript.
 */
final class StaticListing {
  private StaticListing() {}

  static String render(List<StreamInfo> streams, @Nullable StreamInfo shown) {
    StringBuilder html = new StringBuilder("<main class=\"static-shell\">");
    html.append("<p class=\"static-shell__brand\"><a href=\"/\">Slipstream</a></p>");
    if (shown != null) {
      html.append("<h1>")
          .append(HtmlText.escape(shown.title()))
          .append("</h1><p>")
          .append(stateText(shown))
          .append(" Live video, analytics and betting need JavaScript.</p>")
          .append("<h2>All streams</h2>");
    } else {
      html.append("<h1>Watch</h1>");
    }
    if (streams.isEmpty()) {
      html.append("<p>No streams yet.</p>");
    } else {
      html.append("<ul class=\"static-shell__streams\">");
      for (StreamInfo stream : streams) {
        html.append("<li><a href=\"/watch/")
            .append(HtmlText.escape(stream.id()))
            .append("\">")
            .append(HtmlText.escape(stream.title()))
            .append("</a> <span>")
            .append(stream.state().wireName())
            .append("</span></li>");
      }
      html.append("</ul>");
    }
    return html.append("</main>").toString();
  }

  private static String stateText(StreamInfo stream) {
    return switch (stream.state()) {
      case LIVE -> "Live now.";
      case IDLE -> "Not live yet.";
      case ENDED -> "This broadcast has ended.";
    };
  }
}
