package org.dbb.console.core.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Tells up front whether the operating system offers protected storage for the persistent token cache. A "yes"
 * is only a promise: azure-identity still fails on first use when, say, the keyring daemon is not running, and the
 * console then falls back to memory. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SecureStorageProbe {

    /** Why there is no secure storage, or empty when there seems to be. */
    Optional<String> unavailableReason();

    /** A probe that always finds secure storage, leaving detection to the first use. */
    static SecureStorageProbe assumeAvailable() {
        return Optional::empty;
    }

    /** The probe for the machine the console runs on. */
    static SecureStorageProbe forThisMachine() {
        return forOperatingSystem(System.getProperty("os.name", ""), System::getenv, Files::isRegularFile);
    }

    /**
     * Windows (DPAPI) and macOS (Keychain) always have secure storage. On Linux azure-identity reaches the keyring
     * through libsecret; when that library is nowhere to be found, the keyring cannot be used.
     */
    static SecureStorageProbe forOperatingSystem(String osName, Function<String, String> env,
                                                 Predicate<Path> isFile) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return assumeAvailable();
        }
        return () -> {
            List<String> dirs = new ArrayList<>();
            String ld = env.apply("LD_LIBRARY_PATH");
            if (ld != null) {
                dirs.addAll(List.of(ld.split(":")));
            }
            dirs.addAll(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
                    "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/lib64", "/lib", "/usr/local/lib"));
            boolean found = dirs.stream().filter(d -> !d.isBlank())
                    .anyMatch(d -> isFile.test(Path.of(d, "libsecret-1.so.0"))
                            || isFile.test(Path.of(d, "libsecret-1.so")));
            return found ? Optional.empty()
                    : Optional.of("no secure storage (keyring) was found: libsecret-1 is not installed");
        };
    }
}
