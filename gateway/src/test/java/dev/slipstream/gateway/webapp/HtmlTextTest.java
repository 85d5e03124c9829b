package dev.slipstream.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void markupCharactersBecomeEntitiesSoTextCannotOpenATagOrLeaveAnAttribute() {
    assertThat(HtmlText.escape("<b a=\"1\" c='2'>&</b>"))
        .isEqualTo("&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;&lt;/b&gt;");
  }

  @Test
  void jsonInAScriptCannotCloseTheScriptYetParsesToTheSameValue() throws Exception {
    String title = "</script><!-- & \u2028";
    String json = new ObjectMapper().writeValueAsString(java.util.Map.of("title", title));

    String safe = HtmlText.scriptSafeJson(json);

    assertThat(safe).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(new ObjectMapper().readTree(safe).get("title").asText()).isEqualTo(title);
  }
}
