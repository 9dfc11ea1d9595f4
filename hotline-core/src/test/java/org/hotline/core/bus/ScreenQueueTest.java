package org.hotline.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The queue a screen gets is a screenful in service order, with the whole count. */
class ScreenQueueTest {
    @Test
    void aLongQueueSendsAScreenfulAndTheTotal() {
        List<ScreenMessage.CallCard> waiting = IntStream.range(0, 250).mapToObj(i -> new ScreenMessage.CallCard(
                "call-" + i, "prs", "report", "normal", 1_000L + i)).toList();
        JsonObject json = ScreenMessage.Queue.of(waiting).toJson();
        assertThat(json.getInteger("total")).isEqualTo(250);
        assertThat(json.getJsonArray("calls")).hasSize(ScreenMessage.Queue.SHOWN);
        assertThat(json.getJsonArray("calls").getJsonObject(0).getString("callId")).isEqualTo("call-0");
    }

    @Test
    void aShortQueueIsSentWhole() {
        var card = new ScreenMessage.CallCard("call-1", "ps", "danger", "emergency", 5L);
        JsonObject json = ScreenMessage.Queue.of(List.of(card)).toJson();
        assertThat(json.getInteger("total")).isOne();
        assertThat(json.getJsonArray("calls")).hasSize(1);
        assertThat(ScreenMessage.Queue.of(List.of()).toJson().getInteger("total")).isZero();
    }
}
