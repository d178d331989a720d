package org.dbb.console.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.dbb.console.core.workspace.config.AuthMethod;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.config.VariableGroupRef;
import org.junit.jupiter.api.Test;

class SettingResolverTest {

    private static final String GROUP = "variable group 17 (contoso/dbb)";

    private static SettingResolver resolver(Map<String, VariableValue> variables, Map<String, String> os) {
        return new SettingResolver("prod", GROUP, variables, os::get);
    }

    @Test
    void literalValuesPassThroughUnchanged() {
        ResolvedSetting tenant = resolver(Map.of(), Map.of())
                .resolve("tenant", SettingValue.plain("contoso.onmicrosoft.com"));

        assertThat(tenant.value()).isEqualTo("contoso.onmicrosoft.com");
        assertThat(tenant.origin()).isEqualTo(SettingOrigin.LITERAL);
        assertThat(tenant.secret()).isFalse();
    }

    @Test
    void theVariableGroupWinsOverTheOsEnvironment() {
        ResolvedSetting tenant = resolver(Map.of("DBB_TENANT", VariableValue.plain("from-group")),
                Map.of("DBB_TENANT", "from-os"))
                .resolve("tenant", SettingValue.plain("$ENV:DBB_TENANT"));

        assertThat(tenant.value()).isEqualTo("from-group");
        assertThat(tenant.origin()).isEqualTo(SettingOrigin.VARIABLES);
        assertThat(tenant.reference()).contains("$ENV:DBB_TENANT");
    }

    @Test
    void theOsEnvironmentAnswersWhatTheVariableGroupLacks() {
        ResolvedSetting clientId = resolver(Map.of("OTHER", VariableValue.plain("x")),
                Map.of("DBB_CLIENT_ID", "from-os"))
                .resolve("clientId", SettingValue.plain("$ENV:DBB_CLIENT_ID"));

        assertThat(clientId.value()).isEqualTo("from-os");
        assertThat(clientId.origin()).isEqualTo(SettingOrigin.OS_ENVIRONMENT);
    }

    @Test
    void anEmptyGroupValueFallsThroughToTheOsEnvironment() {
        ResolvedSetting clientId = resolver(Map.of("DBB_CLIENT_ID", VariableValue.plain(" ")),
                Map.of("DBB_CLIENT_ID", "from-os"))
                .resolve("clientId", SettingValue.plain("$ENV:DBB_CLIENT_ID"));

        assertThat(clientId.value()).isEqualTo("from-os");
    }

    @Test
    void aSecretGroupVariableMakesTheResolvedValueSecret() {
        ResolvedSetting tenant = resolver(Map.of("DBB_TENANT", VariableValue.secret("hidden-tenant")), Map.of())
                .resolve("tenant", SettingValue.plain("$ENV:DBB_TENANT"));

        assertThat(tenant.secret()).isTrue();
        assertThat(tenant.toString()).doesNotContain("hidden-tenant").contains("$ENV:DBB_TENANT");
    }

    @Test
    void aSecretSettingStaysSecretWhenResolvedFromTheOsEnvironment() {
        ResolvedSetting secret = resolver(Map.of(), Map.of("DBB_SP_SECRET", "s3cr3t-from-os"))
                .resolve("clientSecret", SettingValue.secret("$ENV:DBB_SP_SECRET"));

        assertThat(secret.secret()).isTrue();
        assertThat(secret.value()).isEqualTo("s3cr3t-from-os");
        assertThat(secret.display()).isEqualTo(SettingValue.MASK + " ($ENV:DBB_SP_SECRET)");
    }

    @Test
    void anUnresolvedReferenceNamesTheSettingTheVariableAndWhereItWasLooked() {
        assertThatThrownBy(() -> resolver(Map.of(), Map.of())
                .resolve("clientSecret", SettingValue.secret("$ENV:DBB_SP_SECRET")))
                .isInstanceOf(SignInException.class)
                .hasMessage("environments.prod.clientSecret refers to $ENV:DBB_SP_SECRET, but DBB_SP_SECRET has no"
                        + " value: it is missing from " + GROUP + " and missing from the console's OS environment;"
                        + " add DBB_SP_SECRET to " + GROUP + ", or set it in the environment the console starts"
                        + " from and restart the console")
                .extracting(e -> ((SignInException) e).failure()).isEqualTo(SignInFailure.UNRESOLVED_SETTING);
    }

    @Test
    void anEmptyValueEverywhereIsReportedAsEmptyWithoutShowingAnyValue() {
        assertThatThrownBy(() -> resolver(Map.of("DBB_SP_SECRET", VariableValue.plain("")),
                Map.of("DBB_SP_SECRET", "   "))
                .resolve("clientSecret", SettingValue.secret("$ENV:DBB_SP_SECRET")))
                .hasMessageContaining("it is empty in " + GROUP + " and empty in the console's OS environment");
    }

    @Test
    void aGroupSecretWithoutItsValueSaysTheOsEnvironmentMustSupplyIt() {
        assertThatThrownBy(() -> resolver(Map.of("DBB_SP_SECRET", VariableValue.secret("")), Map.of())
                .resolve("clientSecret", SettingValue.secret("$ENV:DBB_SP_SECRET")))
                .isInstanceOf(SignInException.class)
                .hasMessage("environments.prod.clientSecret refers to $ENV:DBB_SP_SECRET, but DBB_SP_SECRET is a"
                        + " secret of " + GROUP + ", whose value Azure DevOps never returns, and it is missing from"
                        + " the console's OS environment; set DBB_SP_SECRET in the environment the console starts"
                        + " from and restart the console");
    }

    @Test
    void aGroupSecretReadFromTheOsEnvironmentStaysSecretForAPlainSetting() {
        ResolvedSetting clientId = resolver(Map.of("DBB_CLIENT", VariableValue.secret("")),
                Map.of("DBB_CLIENT", "client-from-os"))
                .resolve("clientId", SettingValue.plain("$ENV:DBB_CLIENT"));

        assertThat(clientId.value()).isEqualTo("client-from-os");
        assertThat(clientId.origin()).isEqualTo(SettingOrigin.OS_ENVIRONMENT);
        assertThat(clientId.secret()).isTrue();
    }

    @Test
    void aMalformedReferenceIsReported() {
        assertThatThrownBy(() -> resolver(Map.of(), Map.of()).resolve("tenant", SettingValue.plain("$ENV:1BAD")))
                .isInstanceOf(SignInException.class)
                .hasMessageStartingWith("environments.prod.tenant is '$ENV:1BAD', which is not a valid reference");
    }

    @Test
    void aMalformedSecretReferenceIsNotEchoed() {
        assertThatThrownBy(() -> resolver(Map.of(), Map.of())
                .resolve("clientSecret", SettingValue.secret("$ENV:not really a name")))
                .hasMessageNotContaining("not really")
                .hasMessageContaining("a malformed reference");
    }

    @Test
    void forEnvironmentPrefersTheGroupOverInlineVariablesAndDescribesBoth() {
        EnvironmentSettings env = new EnvironmentSettings("prod", false, Optional.of(SettingValue.plain("ws")),
                Optional.of(SettingValue.plain("$ENV:TENANT")), AuthMethod.INTERACTIVE, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(new VariableGroupRef("contoso", "dbb", 17)),
                Map.of("TENANT", "inline-tenant", "CLIENT", "inline-client"), false, Optional.empty(),
                Optional.empty());
        Function<String, String> noOs = name -> null;
        SettingResolver r = SettingResolver.forEnvironment(env, Map.of("TENANT", VariableValue.plain("group-tenant")),
                noOs);

        assertThat(r.resolve("tenant", SettingValue.plain("$ENV:TENANT")).value()).isEqualTo("group-tenant");
        assertThat(r.resolve("clientId", SettingValue.plain("$ENV:CLIENT")).value()).isEqualTo("inline-client");
        assertThatThrownBy(() -> r.resolve("clientId", SettingValue.plain("$ENV:MISSING")))
                .hasMessageContaining("variable group 17 (contoso/dbb) or the inline variables of dbb-console.yml");
    }

    @Test
    void variableValuesPrintMaskedWhenSecret() {
        assertThat(VariableValue.secret("hunter2-long").toString()).doesNotContain("hunter2");
        assertThat(VariableValue.plain("visible").toString()).contains("visible");
    }
}
