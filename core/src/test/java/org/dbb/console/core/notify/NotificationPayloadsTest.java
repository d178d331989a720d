package org.dbb.console.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NotificationPayloadsTest {

    private final NotificationPayloads payloads = new NotificationPayloads();
    private final ObjectMapper json = new ObjectMapper();

    /** The Teams body is the documented message envelope holding exactly one Adaptive Card attachment. */
    @Test
    void teamsMessageIsTheWebhookEnvelopeAroundOneAdaptiveCard() throws Exception {
        JsonNode message = json.readTree(payloads.teamsMessage(Notifications.runFailed("r-1")));

        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("attachments")).hasSize(1);
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.has("contentUrl")).isTrue();
        assertThat(attachment.path("contentUrl").isNull()).isTrue();
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo(NotificationPayloads.CARD_VERSION);
        assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
    }

    /** A failure card has an Attention title, the facts an operator needs, the wrapped message and a link. */
    @Test
    void failureCardShowsTitleFactsMessageAndOpenRunAction() throws Exception {
        JsonNode card = card(payloads.teamsMessage(Notifications.runFailed("r-1")));
        JsonNode body = card.path("body");

        JsonNode title = body.get(0);
        assertThat(title.path("type").asText()).isEqualTo("TextBlock");
        assertThat(title.path("text").asText()).isEqualTo("Run failed: Transformation");
        assertThat(title.path("color").asText()).isEqualTo("Attention");
        assertThat(title.path("weight").asText()).isEqualTo("Bolder");
        assertThat(body.get(1).path("text").asText()).isEqualTo("PROD · 2025-03-01 02:14:09 UTC");

        assertThat(facts(body, 0)).containsExactly(
                "Run=r-1", "Environment=PROD", "Stage=Transformation", "Status=Failed",
                "Duration=12m 34s (target 10m, 2m 34s over)", "Error code=UserError", "Attempts=4");
        JsonNode message = body.get(body.size() - 1);
        assertThat(message.path("text").asText()).isEqualTo("Notebook nb_transform failed: division by zero in cell 4");
        assertThat(message.path("wrap").asBoolean()).isTrue();

        assertThat(card.path("actions")).hasSize(1);
        JsonNode action = card.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(action.path("title").asText()).isEqualTo("Open run");
        assertThat(action.path("url").asText()).startsWith("https://app.fabric.microsoft.com/");
        assertThat(card.toString()).doesNotContain("Action.Submit");
    }

    /** Overruns and breaches warn rather than alarm, and a console-only link gets no button Teams cannot open. */
    @Test
    void overrunCardIsAWarningWithoutActionForANonWebLink() throws Exception {
        JsonNode card = card(payloads.teamsMessage(Notifications.refreshOverrun("r-2")));

        assertThat(card.path("body").get(0).path("color").asText()).isEqualTo("Warning");
        assertThat(card.path("body").get(0).path("text").asText())
                .isEqualTo("Refresh overran its target: Sales");
        assertThat(facts(card.path("body"), 0)).containsExactly("Run=r-2", "Environment=TEST",
                "Semantic model=Sales", "Status=Running past target", "Duration=27m (target 20m, 7m over)");
        assertThat(card.has("actions")).isFalse();
    }

    /** Breach details become their own fact set, in the order given. */
    @Test
    void thresholdBreachListsEachDetailLine() throws Exception {
        Notification breach = Notification.builder(Notification.Kind.THRESHOLD_BREACH, "r-3", "DEV",
                        "Monitor threshold breaches", Notifications.AT)
                .detail("sales.orders", "0 rows, threshold 1000")
                .detail("sales.returns", "12% nulls, threshold 5%")
                .build();

        JsonNode body = card(payloads.teamsMessage(breach)).path("body");

        assertThat(body.get(0).path("color").asText()).isEqualTo("Warning");
        assertThat(facts(body, 0)).contains("Check=Monitor threshold breaches", "Status=Breached");
        assertThat(facts(body, 1)).containsExactly("sales.orders=0 rows, threshold 1000",
                "sales.returns=12% nulls, threshold 5%");
    }

    /** The plain body is one flat object with the same fields, ISO-8601 UTC times and durations in seconds. */
    @Test
    void plainJsonCarriesEveryFieldFlatWithSecondsAndUtcTimes() throws Exception {
        JsonNode o = json.readTree(payloads.plainJson(Notifications.runFailed("r-1")));

        assertThat(o.path("source").asText()).isEqualTo("dbb-console");
        assertThat(o.path("version").asInt()).isEqualTo(1);
        assertThat(o.path("kind").asText()).isEqualTo("RUN_FAILED");
        assertThat(o.path("severity").asText()).isEqualTo("attention");
        assertThat(o.path("title").asText()).isEqualTo("Run failed: Transformation");
        assertThat(o.path("runId").asText()).isEqualTo("r-1");
        assertThat(o.path("environment").asText()).isEqualTo("PROD");
        assertThat(o.path("subject").asText()).isEqualTo("Transformation");
        assertThat(o.path("subjectType").asText()).isEqualTo("Stage");
        assertThat(o.path("status").asText()).isEqualTo("Failed");
        assertThat(o.path("occurredAt").asText()).isEqualTo("2025-03-01T02:14:09Z");
        assertThat(o.path("durationSeconds").asDouble()).isEqualTo(754.5);
        assertThat(o.path("targetDurationSeconds").isIntegralNumber()).isTrue();
        assertThat(o.path("targetDurationSeconds").asLong()).isEqualTo(600);
        assertThat(o.path("errorCode").asText()).isEqualTo("UserError");
        assertThat(o.path("errorMessage").asText()).contains("division by zero");
        assertThat(o.path("attempts").asInt()).isEqualTo(4);
        assertThat(o.path("runUrl").asText()).startsWith("https://app.fabric.microsoft.com/");
        assertThat(o.path("details").isArray()).isTrue();
        o.fields().forEachRemaining(f -> assertThat(f.getValue().isObject()).as(f.getKey()).isFalse());
    }

    /** Absent parts are explicit nulls, so receivers see one fixed set of fields. */
    @Test
    void plainJsonWritesAbsentValuesAsNull() throws Exception {
        Notification bare = Notification.builder(Notification.Kind.STEP_FAILED, "r-4", "DEV", "Lookup item ids",
                Notifications.AT).build();

        JsonNode o = json.readTree(payloads.plainJson(bare));

        for (String field : List.of("durationSeconds", "targetDurationSeconds", "errorCode", "errorMessage",
                "attempts", "runUrl")) {
            assertThat(o.has(field)).as(field).isTrue();
            assertThat(o.path(field).isNull()).as(field).isTrue();
        }
        assertThat(o.path("subjectType").asText()).isEqualTo("Activity");
        assertThat(o.path("details")).isEmpty();
    }

    /** A stack-trace-sized message is cut so the card stays within Teams' message size. */
    @Test
    void longErrorMessagesAreTruncated() throws Exception {
        Notification n = Notification.builder(Notification.Kind.STEP_FAILED, "r-5", "DEV", "x", Notifications.AT)
                .errorMessage("e".repeat(10_000)).build();

        JsonNode body = card(payloads.teamsMessage(n)).path("body");

        String text = body.get(body.size() - 1).path("text").asText();
        assertThat(text).hasSize(NotificationPayloads.MAX_MESSAGE_CHARS).endsWith("…");
    }

    @Test
    void durationsReadAsHoursMinutesAndSeconds() {
        assertThat(NotificationPayloads.shown(Duration.ofMillis(400))).isEqualTo("0s");
        assertThat(NotificationPayloads.shown(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(NotificationPayloads.shown(Duration.ofMinutes(20))).isEqualTo("20m");
        assertThat(NotificationPayloads.shown(Duration.ofSeconds(3725))).isEqualTo("1h 2m 5s");
    }

    private JsonNode card(String message) throws Exception {
        return json.readTree(message).path("attachments").get(0).path("content");
    }

    /** The facts of the {@code index}th FactSet of {@code body}, as {@code title=value}. */
    private static List<String> facts(JsonNode body, int index) {
        List<JsonNode> sets = new ArrayList<>();
        body.forEach(n -> {
            if (n.path("type").asText().equals("FactSet")) {
                sets.add(n);
            }
        });
        List<String> out = new ArrayList<>();
        sets.get(index).path("facts").forEach(f -> out.add(f.path("title").asText() + "=" + f.path("value").asText()));
        return out;
    }
}
