package org.dbb.console.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.fabric.testing.CapturingLogger;
import org.dbb.console.core.workspace.config.NotificationSettings;
import org.dbb.console.core.workspace.config.SettingValue;

/** The webhook URL is the channel's only credential: it must not surface anywhere but the HTTP request line. */
class NotificationSecretsTest {

    private static final String FLOW_ID = "f10wIdPlantedDoNotLeak0042";
    private static final String SIGNATURE = "SigPlantedDoNotLeak-Zq81xYw0pLm";

    private final MockWebServer server = new MockWebServer();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final RecordingListener listener = new RecordingListener();
    private final CapturingLogger log = new CapturingLogger();
    /** Everything a person or a log file could ever see, gathered by each test. */
    private final List<String> seen = new ArrayList<>();
    private String secretUrl;

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        secretUrl = secretUrl(server.getPort());
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        server.shutdown();
    }

    private static String secretUrl(int port) {
        return "http://127.0.0.1:" + port + "/workflows/" + FLOW_ID + "/triggers/manual/paths/invoke"
                + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + SIGNATURE;
    }

    private NotificationDispatcher dispatcher(String url) {
        NotificationChannel channel = NotificationChannel.of(NotificationSettings.Kind.TEAMS, url);
        seen.add(channel.toString());
        seen.add(channel.maskedUrl());
        return NotificationDispatcher.builder(NotificationDispatcherTest.SHARED, channel, scheduler)
                .listener(listener).policy(NotificationDispatcherTest.QUICK).logger(log).build();
    }

    private void deliver(NotificationDispatcher dispatcher, Notification n) throws Exception {
        DeliveryOutcome outcome = dispatcher.submit(n).get(20, TimeUnit.SECONDS);
        seen.add(outcome.toString());
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            seen.add(failed.reason());
            seen.add(failed.channel());
        }
        seen.add(dispatcher.toString());
    }

    private void assertNothingSeenHoldsTheSecret() {
        seen.add(log.all());
        listener.outcomes.forEach(o -> seen.add(o.toString()));
        assertThat(log.lines()).isNotEmpty();
        for (String text : seen) {
            assertThat(text).doesNotContain(secretUrl).doesNotContain(FLOW_ID).doesNotContain(SIGNATURE);
        }
    }

    /** Refusals that quote the URL, retried outages and the final failure never repeat it. */
    @Test
    void answersQuotingTheUrlAreScrubbedFromReasonsAndLogs() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"code\":\"InvalidRequest\","
                + "\"message\":\"The request to " + secretUrl + " (flow " + FLOW_ID + ", sig=" + SIGNATURE
                + ") has an invalid body\"}}"));
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setBody("workflow " + FLOW_ID + " unavailable;"
                    + " signature " + SIGNATURE));
        }
        NotificationDispatcher dispatcher = dispatcher(secretUrl);

        deliver(dispatcher, Notifications.runFailed("r-1"));
        deliver(dispatcher, Notifications.refreshOverrun("r-2"));

        assertThat(listener.outcomes).hasSize(2).allMatch(o -> o instanceof DeliveryOutcome.Failed);
        assertThat(log.all()).contains("HTTP 400").contains("HTTP 503")
                .contains("http://127.0.0.1:" + server.getPort() + "/…");
        assertNothingSeenHoldsTheSecret();
    }

    /** A connection failure's message is scrubbed too, and the log names only the origin. */
    @Test
    void connectionFailuresNeverNameTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        secretUrl = secretUrl(closedPort);

        deliver(dispatcher(secretUrl), Notifications.runFailed("r-1"));

        assertThat(listener.outcomes).singleElement().isInstanceOf(DeliveryOutcome.Failed.class);
        assertThat(log.all()).contains("127.0.0.1:" + closedPort + "/…");
        assertNothingSeenHoldsTheSecret();
    }

    /** A notification whose own text quotes the URL (say, a previous delivery error) is posted without it. */
    @Test
    void notificationBodiesNeverCarryTheUrl() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(202));
        Notification quoting = Notification.builder(Notification.Kind.STEP_FAILED, "r-1", "PROD",
                        "Notify ops", Notifications.AT)
                .errorMessage("earlier post to " + secretUrl + " failed")
                .detail("webhook", secretUrl)
                .build();

        deliver(dispatcher(secretUrl), quoting);

        String posted = server.takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8();
        seen.add(posted);
        assertThat(posted).contains("earlier post to http://127.0.0.1:" + server.getPort() + "/… failed");
        assertNothingSeenHoldsTheSecret();
    }

    /** Setting-up errors describe the setting, never its value. */
    @Test
    void setupErrorsAndPrintedObjectsHideTheUrl() {
        SettingResolver literal = new SettingResolver("PROD", "variable group 14 (contoso/DataBackBone)", Map.of(),
                name -> null);
        NotificationSettings notAUrl = new NotificationSettings(NotificationSettings.Kind.TEAMS,
                Optional.of(SettingValue.secret("ftp:/" + FLOW_ID + "?sig=" + SIGNATURE)));
        assertThatThrownBy(() -> NotificationChannel.resolve("PROD", notAUrl, literal))
                .isInstanceOf(NotificationSetupException.class)
                .satisfies(e -> seen.add(e.getMessage()))
                .hasMessageContaining("environments.PROD.notifications.webhook is not an absolute http(s) URL");
        assertThatThrownBy(() -> NotificationChannel.of(NotificationSettings.Kind.TEAMS, "nope " + SIGNATURE))
                .satisfies(e -> seen.add(e.getMessage()));

        SettingResolver fromOs = new SettingResolver("PROD", "variable group 14 (contoso/DataBackBone)", Map.of(),
                Map.of("DBB_PROD_TEAMS_WEBHOOK", secretUrl)::get);
        NotificationChannel channel = NotificationChannel.resolve("PROD", new NotificationSettings(
                NotificationSettings.Kind.TEAMS, Optional.of(SettingValue.secret("$ENV:DBB_PROD_TEAMS_WEBHOOK"))),
                fromOs).orElseThrow();
        seen.add(channel.toString());
        seen.add(String.valueOf(Optional.of(channel)));
        log.info("channel {}", channel);

        assertNothingSeenHoldsTheSecret();
    }
}
