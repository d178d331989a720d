package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Secrets made at run time for a leak test, the logs captured at their most verbose while it runs, and the check
 * that no secret reached the output, the logs or a file. Not thread-safe: one per test.
 */
final class PlantedSecrets {

    private static final List<String> VERBOSE_LOGGERS = List.of("org.dbb.console", "okhttp3", "com.azure",
            org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final List<String> planted = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<String, Level> levels = new HashMap<>();

    /** A new secret, {@code prefix} followed by random letters and digits, remembered for the check. */
    String make(String prefix) {
        return remember(prefix + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Remembers {@code secret} for the check and returns it. */
    String remember(String secret) {
        planted.add(secret);
        return secret;
    }

    /** Captures every log event from now on, with the console's, OkHttp's and Azure's loggers at TRACE. */
    void captureLogsAtTrace() {
        logs.setContext(root.getLoggerContext());
        logs.start();
        root.addAppender(logs);
        for (String name : VERBOSE_LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
        }
    }

    /** Stops capturing and puts the loggers' levels back. */
    void restoreLogs() {
        root.detachAppender(logs);
        levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    /** The events captured so far. */
    List<ILoggingEvent> logEvents() {
        return List.copyOf(logs.list);
    }

    /** Asserts that no planted secret is in the output, the captured logs or any file under {@code folder}. */
    void assertNoneLeaked(String stdout, String stderr, Path folder) throws IOException {
        String logText = logText();
        for (String secret : planted) {
            assertThat(stdout).as("stdout").doesNotContain(secret);
            assertThat(stderr).as("stderr").doesNotContain(secret);
            assertThat(logText).as("logs").doesNotContain(secret);
            assertThat(filesContaining(folder, secret)).as("files holding %s", secret).isEmpty();
        }
    }

    private String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : logEvents()) {
            text.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    text.append(frame.getSTEAsString()).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Every file under {@code folder} (workspace, data folder with the database) holding the text. */
    private static List<Path> filesContaining(Path folder, String secret) throws IOException {
        String utf8 = new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    return bytes.contains(utf8) || bytes.contains(utf16(secret));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** H2 may store strings as UTF-16 inside compressed pages; look for that spelling too. */
    private static String utf16(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1);
    }
}
