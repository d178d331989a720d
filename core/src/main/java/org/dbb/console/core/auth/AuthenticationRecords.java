package org.dbb.console.core.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import com.azure.identity.AuthenticationRecord;
import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.problem.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which account signed in to each environment, as azure-identity's {@link AuthenticationRecord} (account
 * ids, user name, tenant, client id; no token or secret), one file per environment, so a restart can sign in
 * silently from the persistent token cache. A record that cannot be read or written only costs a new sign-in, so
 * problems are logged, not thrown. Thread-safe for distinct environments.
 */
final class AuthenticationRecords {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationRecords.class);
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final Path folder;
    private final AtomicFileWriter writer = new AtomicFileWriter();

    AuthenticationRecords(Path folder) {
        this.folder = folder;
    }

    Optional<AuthenticationRecord> load(String environment) {
        Path file = fileOf(environment);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(AuthenticationRecord.deserialize(in));
        } catch (IOException | RuntimeException e) {
            // azure-identity reports a malformed record as a bare RuntimeException around its JSON parser's error.
            LOG.warn("Ignoring unreadable sign-in record {} ({}); the next sign-in replaces it", file,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    void save(String environment, AuthenticationRecord record) {
        Path file = fileOf(environment);
        try {
            Files.createDirectories(folder);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            record.serialize(out);
            writer.write(file, out.toByteArray());
        } catch (IOException | UncheckedIOException | InvalidInputException e) {
            LOG.warn("Could not remember the sign-in for {} in {} ({}); the next start asks to sign in again",
                    environment, file, e.getMessage());
        }
    }

    void delete(String environment) {
        Path file = fileOf(environment);
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(AtomicFileWriter.backupOf(file));
        } catch (IOException e) {
            LOG.warn("Could not forget the sign-in record {} ({})", file, e.getMessage());
        }
    }

    Path fileOf(String environment) {
        return folder.resolve(UNSAFE.matcher(environment).replaceAll("_") + ".json");
    }
}
