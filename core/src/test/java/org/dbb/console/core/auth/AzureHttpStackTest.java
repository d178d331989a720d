package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpClientProvider;
import com.azure.core.http.okhttp.OkHttpAsyncClientProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** azure-identity's HTTP goes over OkHttp; Netty, azure-core's default transport, is kept out of the build. */
class AzureHttpStackTest {

    @ParameterizedTest
    @ValueSource(strings = {"io.netty.channel.Channel", "io.netty.handler.codec.http.HttpClientCodec",
        "reactor.netty.http.client.HttpClient", "com.azure.core.http.netty.NettyAsyncHttpClientProvider"})
    void nettyClassesCannotBeLoaded(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noJarOnTheTestClasspathHoldsNetty() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(entry)) {
                if (jar.stream().anyMatch(e -> e.getName().startsWith("io/netty/"))) {
                    offenders.add(entry);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void azureCorePicksTheOkHttpProvider() {
        List<Class<?>> providers = new ArrayList<>();
        ServiceLoader.load(HttpClientProvider.class).forEach(p -> providers.add(p.getClass()));

        assertThat(providers).containsExactly(OkHttpAsyncClientProvider.class);
        // The client class is package-private in azure-core-http-okhttp, so it is recognised by name.
        assertThat(HttpClient.createDefault().getClass().getName())
                .isEqualTo("com.azure.core.http.okhttp.OkHttpAsyncHttpClient");
    }
}
