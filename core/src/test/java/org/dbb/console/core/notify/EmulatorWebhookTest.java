package org.dbb.console.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.WebhookPost;
import org.dbb.console.core.files.JsonDocuments;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.ItemDiscovery;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.NotificationSettings;

/** The sandbox's channel: the embedded emulator's webhook sink, reached over real HTTP on 127.0.0.1. */
class EmulatorWebhookTest {

    @TempDir
    Path temp;

    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService emulatorTimer = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        handlers.shutdownNow();
        emulatorTimer.shutdownNow();
        delivery.shutdownNow();
    }

    /** The emulator records the card exactly as Teams would receive it. */
    @Test
    void shouldDeliverTheCardToTheEmulatorsSink() throws Exception {
        Path repo = temp.resolve("dbb");
        new SampleWorkspace().exportTo(repo);
        try (FabricEmulator emulator = FabricEmulator.builder(new WorkspaceLoader(new ConsoleSettingsReader(),
                        new ItemDiscovery(new JsonDocuments())).open(repo))
                .handlerExecutor(handlers).scheduler(emulatorTimer).build()) {
            emulator.start();
            NotificationChannel channel = NotificationChannel.of(NotificationSettings.Kind.TEAMS,
                    emulator.webhookUrl("ops"));
            NotificationDispatcher dispatcher = NotificationDispatcher.builder(NotificationDispatcherTest.SHARED,
                    channel, delivery).policy(NotificationDispatcherTest.QUICK).build();

            DeliveryOutcome outcome = dispatcher.submit(Notifications.runFailed("r-9")).get(20, TimeUnit.SECONDS);

            assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Delivered.class,
                    d -> assertThat(d.status()).isEqualTo(202));
            WebhookPost post = emulator.webhookPosts("ops").get(0);
            assertThat(emulator.webhookPosts("ops")).hasSize(1);
            assertThat(post.contentType()).startsWith("application/json");
            JsonNode message = new ObjectMapper().readTree(post.body());
            assertThat(message.at("/attachments/0/contentType").asText())
                    .isEqualTo(NotificationPayloads.ADAPTIVE_CARD_CONTENT_TYPE);
            assertThat(message.at("/attachments/0/content/body/0/text").asText())
                    .isEqualTo("Run failed: Transformation");
        }
    }
}
