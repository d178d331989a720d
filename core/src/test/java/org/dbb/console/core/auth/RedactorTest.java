package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor(List.of("known-secret-value", "abc"));

    @Test
    void masksKnownSecretsJwtsAndCredentialFields() {
        String text = "sent known-secret-value; body client_secret=s3cr3t&code=authcode&scope=x; reply"
                + " {\"access_token\":\"opaque-token\",\"token_type\":\"Bearer\"} bearer eyJhbGciOi.eyJzdWIiOi.sig";

        assertThat(redactor.redact(text)).isEqualTo("sent ••••••; body client_secret=••••••&code=••••••&scope=x;"
                + " reply {\"access_token\":\"••••••\",\"token_type\":\"Bearer\"} bearer ••••••");
    }

    @Test
    void leavesOrdinaryTextAndShortValuesAlone() {
        assertThat(redactor.redact("error code: 7000215 at abc")).isEqualTo("error code: 7000215 at abc");
        assertThat(redactor.redact(null)).isEmpty();
    }
}
