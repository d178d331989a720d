package org.dbb.console.core.fabric.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The session configuration of a {@code RunNotebook} job ({@code executionData.configuration}), the same contract as
 * the {@code %%configure} magic: Spark settings, environment, default lakehouse and pool. Immutable; build it with
 * {@link #builder()}.
 *
 * @param sparkConf                  Spark settings ({@code conf})
 * @param environmentId              the Fabric environment item id
 * @param environmentName            the Fabric environment name
 * @param defaultLakehouseId         the default lakehouse item id
 * @param defaultLakehouseName       the default lakehouse name
 * @param defaultLakehouseWorkspaceId the workspace of the default lakehouse, when it is another one
 * @param useStarterPool             whether to use the starter pool
 * @param useWorkspacePool           the name of a workspace pool to use
 */
public record NotebookConfiguration(Map<String, String> sparkConf, Optional<String> environmentId,
        Optional<String> environmentName, Optional<String> defaultLakehouseId, Optional<String> defaultLakehouseName,
        Optional<String> defaultLakehouseWorkspaceId, Optional<Boolean> useStarterPool,
        Optional<String> useWorkspacePool) {

    public NotebookConfiguration {
        sparkConf = Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf));
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(environmentName, "environmentName");
        Objects.requireNonNull(defaultLakehouseId, "defaultLakehouseId");
        Objects.requireNonNull(defaultLakehouseName, "defaultLakehouseName");
        Objects.requireNonNull(defaultLakehouseWorkspaceId, "defaultLakehouseWorkspaceId");
        Objects.requireNonNull(useStarterPool, "useStarterPool");
        Objects.requireNonNull(useWorkspacePool, "useWorkspacePool");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code configuration} object as plain JSON values. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!sparkConf.isEmpty()) {
            json.put("conf", sparkConf);
        }
        if (environmentId.isPresent() || environmentName.isPresent()) {
            Map<String, Object> environment = new LinkedHashMap<>();
            environmentId.ifPresent(v -> environment.put("id", v));
            environmentName.ifPresent(v -> environment.put("name", v));
            json.put("environment", environment);
        }
        if (defaultLakehouseId.isPresent() || defaultLakehouseName.isPresent()) {
            Map<String, Object> lakehouse = new LinkedHashMap<>();
            defaultLakehouseName.ifPresent(v -> lakehouse.put("name", v));
            defaultLakehouseId.ifPresent(v -> lakehouse.put("id", v));
            defaultLakehouseWorkspaceId.ifPresent(v -> lakehouse.put("workspaceId", v));
            json.put("defaultLakehouse", lakehouse);
        }
        useStarterPool.ifPresent(v -> json.put("useStarterPool", v));
        useWorkspacePool.ifPresent(v -> json.put("useWorkspacePool", v));
        return json;
    }

    /** Collects a {@link NotebookConfiguration}. Not thread-safe. */
    public static final class Builder {

        private final Map<String, String> sparkConf = new LinkedHashMap<>();
        private String environmentId;
        private String environmentName;
        private String lakehouseId;
        private String lakehouseName;
        private String lakehouseWorkspaceId;
        private Boolean useStarterPool;
        private String useWorkspacePool;

        private Builder() {
        }

        public Builder sparkConf(String key, String value) {
            sparkConf.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder environment(String id, String name) {
            this.environmentId = id;
            this.environmentName = name;
            return this;
        }

        public Builder defaultLakehouse(String id, String name) {
            this.lakehouseId = id;
            this.lakehouseName = name;
            return this;
        }

        public Builder defaultLakehouseWorkspace(String workspaceId) {
            this.lakehouseWorkspaceId = workspaceId;
            return this;
        }

        public Builder useStarterPool(boolean value) {
            this.useStarterPool = value;
            return this;
        }

        public Builder useWorkspacePool(String poolName) {
            this.useWorkspacePool = poolName;
            return this;
        }

        public NotebookConfiguration build() {
            return new NotebookConfiguration(sparkConf, Optional.ofNullable(environmentId),
                    Optional.ofNullable(environmentName), Optional.ofNullable(lakehouseId),
                    Optional.ofNullable(lakehouseName), Optional.ofNullable(lakehouseWorkspaceId),
                    Optional.ofNullable(useStarterPool), Optional.ofNullable(useWorkspacePool));
        }
    }
}
