package org.dbb.console.core.auth;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.workspace.config.AuthMethod;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * An environment's sign-in settings with every {@code $ENV:NAME} reference resolved. Held in memory only; prints
 * secrets masked. Immutable and thread-safe.
 *
 * @param environment     the environment name
 * @param method          the sign-in method
 * @param tenant          the tenant id or domain
 * @param clientId        the application (client) id
 * @param clientSecret    the service principal's secret
 * @param certificatePath the service principal's certificate (PEM, or PFX without a password)
 */
record SignInSettings(String environment, AuthMethod method, Optional<ResolvedSetting> tenant,
                      Optional<ResolvedSetting> clientId, Optional<ResolvedSetting> clientSecret,
                      Optional<ResolvedSetting> certificatePath) {

    /**
     * Resolves and checks {@code env}'s sign-in settings.
     *
     * @throws SignInException when a reference cannot be resolved or a required setting is missing
     */
    static SignInSettings resolve(EnvironmentSettings env, SettingResolver resolver) {
        SignInSettings s = new SignInSettings(env.name(), env.auth(),
                resolver.resolve("tenant", env.tenant()),
                resolver.resolve("clientId", env.clientId()),
                resolver.resolve("clientSecret", env.clientSecret()),
                resolver.resolve("certificatePath", env.certificatePath()));
        s.check();
        return s;
    }

    private void check() {
        if (method != AuthMethod.SERVICE_PRINCIPAL) {
            return;
        }
        String where = "environments." + environment;
        if (tenant.isEmpty() || clientId.isEmpty()) {
            throw invalid(where + " signs in as a service principal but lacks 'tenant' or 'clientId';"
                    + " add both to dbb-console.yml");
        }
        if (clientSecret.isEmpty() && certificatePath.isEmpty()) {
            throw invalid(where + " signs in as a service principal but has neither 'clientSecret' ($ENV:NAME)"
                    + " nor 'certificatePath'");
        }
        if (certificatePath.isPresent()) {
            ResolvedSetting cert = certificatePath.get();
            Path path;
            try {
                path = Path.of(cert.value());
            } catch (InvalidPathException e) {
                throw invalid(where + ".certificatePath " + cert.display() + " is not a valid file path");
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new SignInException(SignInFailure.CERTIFICATE_REJECTED, where + ".certificatePath "
                        + cert.display() + " is not a readable file; point it at the service principal's PEM or"
                        + " PFX certificate");
            }
        }
    }

    private static SignInException invalid(String message) {
        return new SignInException(SignInFailure.INVALID_SETTING, message);
    }

    /** The secret values, so library messages can be scrubbed of them. */
    List<String> secretValues() {
        List<String> out = new ArrayList<>();
        for (Optional<ResolvedSetting> s : List.of(tenant, clientId, clientSecret, certificatePath)) {
            s.filter(ResolvedSetting::secret).ifPresent(v -> out.add(v.value()));
        }
        return out;
    }

    Optional<String> tenantId() {
        return tenant.map(ResolvedSetting::value);
    }

    Optional<String> clientIdValue() {
        return clientId.map(ResolvedSetting::value);
    }

    /** The tenant as it may be shown. */
    String tenantDisplay() {
        return tenant.map(ResolvedSetting::display).orElse("(the account's home tenant)");
    }

    /** The application as it may be shown. */
    String clientIdDisplay() {
        return clientId.map(ResolvedSetting::display).orElse("(the console's default application)");
    }
}
