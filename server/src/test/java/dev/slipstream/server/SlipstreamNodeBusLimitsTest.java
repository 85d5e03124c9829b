package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.live.AccountTopics;
import org.junit.jupiter.api.Test;

class SlipstreamNodeBusLimitsTest {
  @Test
  void eachAccountTopicKeepsFewerEventsThanTheSharedTopics() {
    var limits = SlipstreamNode.busLimits();

    assertThat(limits.maxEntriesOf(AccountTopics.topic("u_1"))).isEqualTo(100);
    assertThat(limits.maxEntriesOf("markets.str_1")).isEqualTo(10_000);
  }
}
