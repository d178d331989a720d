package org.dbb.console.core.fabric.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksBearerTokensAndJwts() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        assertThat(Redaction.text("Authorization: Bearer abc.def-123")).isEqualTo("Authorization: Bearer ••••••");
        assertThat(Redaction.text("token " + jwt + " leaked")).isEqualTo("token •••••• leaked");
    }

    @Test
    void masksCredentialLikeQueryValuesButKeepsTheRest() {
        HttpUrl url = HttpUrl.get("https://host/path?api-version=7.1&sig=s3cr3t&code=abc&access_token=t&x=1");

        assertThat(Redaction.pathAndQuery(url))
                .isEqualTo("/path?api-version=7.1&sig=••••••&code=••••••&access_token=••••••&x=1");
        assertThat(Redaction.text("see https://host/path?sig=s3cr3t&x=1"))
                .isEqualTo("see https://host/path?sig=••••••&x=1");
        assertThat(Redaction.text("{\"client_secret\": \"hunter2\", \"errorCode\": \"X\"}"))
                .isEqualTo("{\"client_secret\": \"••••••\", \"errorCode\": \"X\"}");
    }

    @Test
    void reducesWebhookUrlsToTheirHost() {
        String webhook = "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke"
                + "?api-version=2016-06-01&sp=%2Ftriggers&sv=1.0&sig=XYZ";

        assertThat(Redaction.text("posting to " + webhook + " now"))
                .isEqualTo("posting to https://prod-12.westeurope.logic.azure.com/•••••• now");
        assertThat(Redaction.url(HttpUrl.get("https://contoso.webhook.office.com/webhookb2/secret-path")))
                .isEqualTo("https://contoso.webhook.office.com/••••••");
    }

    @Test
    void masksAuthorizationAndCookieHeaders() {
        Headers headers = Headers.of("Authorization", "Bearer abc", "Cookie", "s=1", "RequestId", "r-1");

        assertThat(Redaction.headers(headers)).isEqualTo("Authorization: ••••••, Cookie: ••••••, RequestId: r-1");
    }
}
