package org.dbb.console.core.notify;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.workspace.config.NotificationSettings;

/**
 * Turns a {@link Notification} into the JSON body a channel receives. Stateless and thread-safe.
 *
 * <p><b>Teams</b> (Workflows "When a Teams webhook request is received", or a legacy incoming webhook): the message
 * envelope {@code {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
 * "contentUrl":null,"content":<card>}]}} around an Adaptive Card of version {@value #CARD_VERSION} (the version
 * Teams documents for webhooks; every element used exists since 1.0). The card holds a bold title coloured
 * {@code Attention} (failures) or {@code Warning} (overruns, breaches), a subtle line with environment and time,
 * a FactSet (Run, Environment, Stage/Activity/Semantic model/Check, Status, Duration against its target, Error
 * code, Attempts), the details as a second FactSet, the error message as wrapped text, and an
 * {@code Action.OpenUrl} "Open run" when the run link is http(s). No {@code Action.Submit}: webhooks reject it.
 *
 * <p><b>Plain webhook</b>: one flat JSON object; absent values are {@code null}, times ISO-8601 UTC, durations
 * in seconds (a number with up to millisecond precision):
 * <pre>{@code
 * { "source": "dbb-console", "version": 1,
 *   "kind": "RUN_FAILED | STEP_FAILED | REFRESH_OVERRUN | THRESHOLD_BREACH",
 *   "severity": "attention | warning",
 *   "title": "Run failed: Transformation",
 *   "runId": "...", "environment": "PROD",
 *   "subject": "Transformation", "subjectType": "Stage | Activity | Semantic model | Check",
 *   "status": "Failed",
 *   "occurredAt": "2025-03-01T02:14:09Z",
 *   "durationSeconds": 754.5, "targetDurationSeconds": 600,
 *   "errorCode": "...", "errorMessage": "...", "attempts": 4,
 *   "runUrl": "dbb-console://run/...",
 *   "details": [ { "key": "sales.orders", "value": "0 rows, threshold 1000" } ] }
 * }</pre>
 */
public final class NotificationPayloads {

    /** The Adaptive Card version sent to Teams. */
    public static final String CARD_VERSION = "1.2";
    /** The attachment content type Teams requires. */
    public static final String ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** The version of the plain webhook body. */
    public static final int PLAIN_VERSION = 1;

    /** Long stack-trace-like messages would push the card past Teams' message size limit. */
    static final int MAX_MESSAGE_CHARS = 2_000;

    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();

    /** The Teams message (envelope and Adaptive Card) for {@code n}. */
    public String teamsMessage(Notification n) {
        return write(teams(n));
    }

    /** The plain webhook body for {@code n}. */
    public String plainJson(Notification n) {
        return write(plain(n));
    }

    /** The body for a channel of {@code kind}. */
    String body(NotificationSettings.Kind kind, Notification n) {
        Objects.requireNonNull(kind, "kind");
        return write(kind == NotificationSettings.Kind.TEAMS ? teams(n) : plain(n));
    }

    private ObjectNode teams(Notification n) {
        ObjectNode message = json.createObjectNode();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", ADAPTIVE_CARD_CONTENT_TYPE);
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", CARD_VERSION);
        ArrayNode body = card.putArray("body");

        ObjectNode title = textBlock(body, n.title());
        title.put("weight", "Bolder");
        title.put("size", "Medium");
        title.put("color", n.kind().severity() == Notification.Severity.ATTENTION ? "Attention" : "Warning");
        ObjectNode subtitle = textBlock(body, n.environment() + " · " + SHOWN_TIME.format(n.occurredAt()));
        subtitle.put("isSubtle", true);
        subtitle.put("spacing", "None");

        ArrayNode facts = factSet(body);
        fact(facts, "Run", n.runId());
        fact(facts, "Environment", n.environment());
        fact(facts, n.kind().subjectLabel(), n.subject());
        fact(facts, "Status", n.status());
        durationText(n).ifPresent(d -> fact(facts, "Duration", d));
        n.errorCode().ifPresent(c -> fact(facts, "Error code", c));
        n.attempts().ifPresent(a -> fact(facts, "Attempts", Integer.toString(a)));

        if (!n.details().isEmpty()) {
            ObjectNode heading = textBlock(body, "Details");
            heading.put("weight", "Bolder");
            heading.put("spacing", "Medium");
            ArrayNode detailFacts = factSet(body);
            n.details().forEach(d -> fact(detailFacts, d.key(), d.value()));
        }
        n.errorMessage().ifPresent(m -> {
            ObjectNode error = textBlock(body, truncate(m));
            error.put("spacing", "Medium");
        });
        n.runLink().filter(NotificationPayloads::isWebLink).ifPresent(link -> {
            ObjectNode open = card.putArray("actions").addObject();
            open.put("type", "Action.OpenUrl");
            open.put("title", "Open run");
            open.put("url", link.toString());
        });
        return message;
    }

    private ObjectNode plain(Notification n) {
        ObjectNode o = json.createObjectNode();
        o.put("source", "dbb-console");
        o.put("version", PLAIN_VERSION);
        o.put("kind", n.kind().name());
        o.put("severity", n.kind().severity().name().toLowerCase(Locale.ROOT));
        o.put("title", n.title());
        o.put("runId", n.runId());
        o.put("environment", n.environment());
        o.put("subject", n.subject());
        o.put("subjectType", n.kind().subjectLabel());
        o.put("status", n.status());
        o.put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(n.occurredAt()));
        putSeconds(o, "durationSeconds", n.duration().orElse(null));
        putSeconds(o, "targetDurationSeconds", n.targetDuration().orElse(null));
        o.put("errorCode", n.errorCode().orElse(null));
        o.put("errorMessage", n.errorMessage().orElse(null));
        if (n.attempts().isPresent()) {
            o.put("attempts", n.attempts().getAsInt());
        } else {
            o.putNull("attempts");
        }
        o.put("runUrl", n.runLink().map(URI::toString).orElse(null));
        ArrayNode details = o.putArray("details");
        n.details().forEach(d -> details.addObject().put("key", d.key()).put("value",
                d.value()));
        return o;
    }

    private static ObjectNode textBlock(ArrayNode body, String text) {
        ObjectNode block = body.addObject();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        return block;
    }

    private static ArrayNode factSet(ArrayNode body) {
        ObjectNode set = body.addObject();
        set.put("type", "FactSet");
        return set.putArray("facts");
    }

    private static void fact(ArrayNode facts, String title, String value) {
        facts.addObject().put("title", title).put("value", value);
    }

    private static void putSeconds(ObjectNode o, String field, Duration d) {
        if (d == null) {
            o.putNull(field);
        } else if (d.toMillis() % 1000 == 0) {
            o.put(field, d.toSeconds());
        } else {
            o.put(field, d.toMillis() / 1000.0);
        }
    }

    private static Optional<String> durationText(Notification n) {
        if (n.duration().isEmpty() && n.targetDuration().isEmpty()) {
            return Optional.empty();
        }
        if (n.targetDuration().isEmpty()) {
            return Optional.of(shown(n.duration().get()));
        }
        Duration target = n.targetDuration().get();
        if (n.duration().isEmpty()) {
            return Optional.of("target " + shown(target));
        }
        Duration actual = n.duration().get();
        String over = actual.compareTo(target) > 0 ? ", " + shown(actual.minus(target)) + " over" : "";
        return Optional.of(shown(actual) + " (target " + shown(target) + over + ")");
    }

    /** {@code 1h 2m 5s}, {@code 12m 30s}, {@code 45s}; below a second, {@code 0s}. */
    static String shown(Duration d) {
        long seconds = d.toSeconds();
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append("h ");
        }
        if (h > 0 || m > 0) {
            out.append(m).append("m ");
        }
        if (s > 0 || out.length() == 0) {
            out.append(s).append('s');
        }
        return out.toString().trim();
    }

    private static boolean isWebLink(URI link) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("https") || scheme.equals("http")) && link.getHost() != null;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // a tree of strings and numbers always serialises; this would be a Jackson bug
            throw new IllegalStateException("cannot write a notification body", e);
        }
    }
}
