package org.dbb.console.core.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import okhttp3.OkHttpClient;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.workspace.config.AuthMethod;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each environment's {@link EnvironmentTokens} from its {@code dbb-console.yml} settings: the emulator's
 * fixed token, or an azure-identity credential for the configured method (browser, device code, Azure CLI,
 * service principal with secret or certificate, the default chain). One per console: it owns the console's
 * persistent token cache and the folder of remembered accounts. Thread-safe.
 */
public final class EnvironmentSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentSignIn.class);

    private final HttpClient http;
    private final SignInOptions options;
    private final Optional<DeviceCodePrompt> deviceCodePrompt;
    private final SignInListener listener;
    private final Optional<ExecutorService> executor;
    private final Clock clock;
    private final Function<String, String> osEnvironment;
    private final SecureTokenStore store;
    private final AuthenticationRecords records;

    private EnvironmentSignIn(Builder b) {
        // azure-core then sends every Entra ID request through the console's OkHttp connection pool and dispatcher.
        this.http = new OkHttpAsyncHttpClientBuilder(b.okHttp).build();
        this.options = b.options;
        this.deviceCodePrompt = b.deviceCodePrompt;
        this.listener = b.listener;
        this.executor = b.executor;
        this.clock = b.clock;
        this.osEnvironment = b.osEnvironment;
        this.store = new SecureTokenStore(options.tokenCacheName(), b.probe);
        this.records = new AuthenticationRecords(b.dataDirectories.signInRecords());
    }

    /** Starts building the console's sign-in over its shared OkHttp client, keeping records in {@code dirs}. */
    public static Builder builder(OkHttpClient okHttp, DataDirectories dirs) {
        return new Builder(okHttp, dirs);
    }

    /**
     * The tokens for {@code env}. Builds the credential but signs nobody in: tokens come silently when a remembered
     * account or a non-interactive method allows it, otherwise the first request fails with "sign-in required"
     * until {@link EnvironmentTokens#signIn()} is called.
     *
     * @param variables the environment's variable-group values, for {@code $ENV:NAME} references
     * @throws SignInException when a {@code $ENV:NAME} reference cannot be resolved or a setting is unusable
     */
    public EnvironmentTokens tokensFor(EnvironmentSettings env, Map<String, VariableValue> variables) {
        if (env.emulator()) {
            EmulatorTokens tokens = new EmulatorTokens(env.name());
            announce(tokens.status());
            return tokens;
        }
        if (env.auth() == AuthMethod.DEVICE_CODE && deviceCodePrompt.isEmpty()) {
            throw new IllegalStateException("environment " + env.name() + " signs in with a device code, but no"
                    + " DeviceCodePrompt was given to EnvironmentSignIn.builder()");
        }
        SettingResolver resolver = SettingResolver.forEnvironment(env, variables, osEnvironment);
        SignInSettings settings = SignInSettings.resolve(env, resolver);
        SignInErrors errors = new SignInErrors(settings, options.redirectUrl(), new Redactor(settings.secretValues()));
        CredentialFactory factory = credentialFactory();
        Optional<String> fixedAccount = env.auth() == AuthMethod.SERVICE_PRINCIPAL
                ? Optional.of("service principal " + settings.clientIdDisplay())
                : Optional.empty();
        try {
            return new AzureEnvironmentTokens(env.name(), env.auth(),
                    (cache, record) -> factory.create(settings, cache, record), store, records, errors, fixedAccount,
                    listener, clock, options.refreshMargin());
        } catch (IllegalArgumentException e) {
            // azure-identity validates tenant ids and certificate options while building.
            throw errors.map(e);
        }
    }

    private void announce(SignInStatus status) {
        try {
            listener.statusChanged(status);
        } catch (RuntimeException e) {
            LOG.warn("A sign-in status listener failed for {}; ignoring it", status.environment(), e);
        }
    }

    CredentialFactory credentialFactory() {
        DeviceCodePrompt prompt = deviceCodePrompt.orElse(code -> {
            throw new IllegalStateException("no DeviceCodePrompt was given to EnvironmentSignIn.builder()");
        });
        return new CredentialFactory(http, options, prompt, executor);
    }

    SecureTokenStore store() {
        return store;
    }

    /** Collects the collaborators of an {@link EnvironmentSignIn}. Not thread-safe; use from one thread. */
    public static final class Builder {

        private final OkHttpClient okHttp;
        private final DataDirectories dataDirectories;
        private SignInOptions options = SignInOptions.defaults();
        private Optional<DeviceCodePrompt> deviceCodePrompt = Optional.empty();
        private SignInListener listener = SignInListener.NONE;
        private Optional<ExecutorService> executor = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Function<String, String> osEnvironment = System::getenv;
        private SecureStorageProbe probe = SecureStorageProbe.forThisMachine();

        private Builder(OkHttpClient okHttp, DataDirectories dataDirectories) {
            this.okHttp = Objects.requireNonNull(okHttp, "okHttp");
            this.dataDirectories = Objects.requireNonNull(dataDirectories, "dataDirectories");
        }

        public Builder options(SignInOptions value) {
            this.options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** Shows device codes; required when any environment uses {@code auth: device-code}. */
        public Builder deviceCodePrompt(DeviceCodePrompt value) {
            this.deviceCodePrompt = Optional.of(value);
            return this;
        }

        public Builder listener(SignInListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Runs azure-identity's MSAL work; without one, azure-identity uses its own shared pool. The console shuts
         * it down, azure-identity does not.
         */
        public Builder executor(ExecutorService value) {
            this.executor = Optional.of(value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Looks up OS environment variables for {@code $ENV:NAME}; {@code System::getenv} by default. */
        public Builder osEnvironment(Function<String, String> value) {
            this.osEnvironment = Objects.requireNonNull(value, "osEnvironment");
            return this;
        }

        /** Decides up front whether secure token storage exists; {@link SecureStorageProbe#forThisMachine()}. */
        public Builder secureStorageProbe(SecureStorageProbe value) {
            this.probe = Objects.requireNonNull(value, "secureStorageProbe");
            return this;
        }

        public EnvironmentSignIn build() {
            return new EnvironmentSignIn(this);
        }
    }
}
