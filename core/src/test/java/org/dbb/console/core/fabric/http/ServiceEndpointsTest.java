package org.dbb.console.core.fabric.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import org.dbb.console.core.fabric.testing.FakeTokens;

class ServiceEndpointsTest {

    @Test
    void publicCloudPointsAtMicrosoft() {
        assertThat(ServiceEndpoints.PUBLIC_CLOUD.of(Service.FABRIC)).hasToString("https://api.fabric.microsoft.com");
        assertThat(ServiceEndpoints.PUBLIC_CLOUD.of(Service.POWER_BI)).hasToString("https://api.powerbi.com");
        assertThat(ServiceEndpoints.PUBLIC_CLOUD.of(Service.AZURE_DEVOPS)).hasToString("https://dev.azure.com");
    }

    @Test
    void anEmulatorBaseWithAPathKeepsThePath() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            ApiTransport transport = ApiTransport.builder(new OkHttpClient(), new FakeTokens(), scheduler)
                    .endpoints(ServiceEndpoints.emulator(URI.create("http://127.0.0.1:8123/emu"))).build();

            assertThat(transport.url(Service.FABRIC, "v1", "workspaces").build())
                    .hasToString("http://127.0.0.1:8123/emu/v1/workspaces");
            assertThat(transport.isServiceUrl(Service.FABRIC,
                    HttpUrl.get("http://127.0.0.1:8123/emu/v1/workspaces?continuationToken=x"))).isTrue();
            assertThat(transport.isServiceUrl(Service.FABRIC,
                    HttpUrl.get("http://127.0.0.1:8124/emu/v1/workspaces"))).isFalse();
            assertThat(transport.isServiceUrl(Service.FABRIC,
                    HttpUrl.get("http://evil.example/emu/v1/workspaces"))).isFalse();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void rejectsBasesThatAreNotPlainHttpUrls() {
        assertThatThrownBy(() -> ServiceEndpoints.emulator(URI.create("ftp://127.0.0.1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceEndpoints.emulator(URI.create("http://127.0.0.1/?x=1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
