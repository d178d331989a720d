package org.dbb.console.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.Main;

/**
 * Start-up cost of the console over JavaFX's own: the time from starting a JVM to its first window shown and laid
 * out, for the console ({@code Main} with no arguments: the window on the sample workspace) divided by the same for
 * {@link BareWindow}. The console is started as it ships, with its JVM options and the class-data archive the build
 * makes next to the shaded jar ({@code app/target/dbb-console.jsa}, used with {@code -Xshare:on} so a mismatch fails
 * instead of silently measuring without it), and also without the archive, so both figures are on record. All run in child
 * JVMs, alternating so the machine's load drifts over them alike, after one unmeasured warm-up each (it fills the
 * OS file cache and exports the sample); the best of 5 each is compared. Children use Monocle's headless glass and
 * software rendering, unless {@code -Dbench.display=:99} names an X display to open real (GTK) windows on. Excluded
 * from the default build (tag {@code benchmark}); run it after {@code mvn -o -q package -DskipTests} (which makes
 * the archive) with {@code mvn -o -pl app test -Dtest=StartupBenchmark -Dgroups=benchmark -DexcludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StartupBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final Duration LIMIT = Duration.ofMinutes(3);
    private static final Path TARGET = Path.of("target");
    private static final Path SHADED_JAR = TARGET.resolve("dbb-console.jar");
    private static final Path ARCHIVE = TARGET.resolve("dbb-console.jsa");
    /** The JVM options the console ships with (the build's {@code console.jvm.options}). */
    private static final List<String> CONSOLE_OPTIONS = Arrays.stream(
            System.getProperty("console.jvm.options", "").trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();

    @TempDir
    Path home;

    @Test
    void consoleReachesItsFirstWindowWithinAFewTimesABareJavaFxWindow() throws Exception {
        Map<String, List<String>> starts = new LinkedHashMap<>();
        if (shippedArchiveMissing().isEmpty()) {
            List<String> shipped = new ArrayList<>(CONSOLE_OPTIONS);
            shipped.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE.toAbsolutePath(), "-cp",
                    SHADED_JAR.toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path"),
                    FirstWindowProbe.class.getName(), Main.class.getName()));
            starts.put("console with its class-data archive", shipped);
        }
        List<String> withoutArchive = new ArrayList<>(CONSOLE_OPTIONS);
        withoutArchive.addAll(List.of("-cp", System.getProperty("java.class.path"),
                FirstWindowProbe.class.getName(), Main.class.getName()));
        starts.put("console without an archive", withoutArchive);
        starts.put("bare JavaFX", List.of("-cp", System.getProperty("java.class.path"),
                FirstWindowProbe.class.getName(), BareWindow.class.getName()));

        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> start : starts.entrySet()) {
            run(start.getValue());
            times.put(start.getKey(), new ArrayList<>());
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, List<String>> start : starts.entrySet()) {
                times.get(start.getKey()).add(run(start.getValue()));
            }
        }
        long bare = Collections.min(times.get("bare JavaFX"));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "[benchmark] start-up to first window (%s), best of %d:", display(), ROUNDS));
        times.forEach((what, millis) -> line.append(String.format(Locale.ROOT, " %s %d ms %s (ratio %.2f);", what,
                Collections.min(millis), millis, (double) Collections.min(millis) / bare)));
        if (!starts.containsKey("console with its class-data archive")) {
            line.append(" no class-data archive measured: ").append(shippedArchiveMissing());
        }
        System.out.println(line);

        assertThat(times.values()).allSatisfy(millis -> assertThat(millis).allMatch(m -> m > 0));
    }

    /** Why the build's archive cannot be measured (missing, or its jar older than the classes); empty when it can. */
    private static String shippedArchiveMissing() {
        if (!Files.isRegularFile(SHADED_JAR) || !Files.isRegularFile(ARCHIVE)) {
            return "run `mvn -o -q package -DskipTests` first to build the jar and its archive";
        }
        FileTime jar = modified(SHADED_JAR);
        try (Stream<Path> classes = Files.walk(TARGET.resolve("classes"))) {
            boolean stale = classes.filter(Files::isRegularFile).anyMatch(c -> modified(c).compareTo(jar) > 0);
            return stale ? "the jar is older than the compiled classes; run `mvn -o -q package -DskipTests` again" : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a child JVM with {@code arguments}; the milliseconds until its probe reports the first window. */
    private long run(List<String> arguments) throws Exception {
        Path log = Files.createTempFile(home, "child-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        String display = System.getProperty("bench.display");
        if (display == null) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(log.toFile());
        builder.environment().put("DBB_CONSOLE_HOME", home.resolve("console-home").toString());
        builder.environment().remove("DBB_CONSOLE_DATABASE");
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        long start = System.nanoTime();
        Process child = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(FirstWindowProbe.SHOWN)) {
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    child.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                    return millis;
                }
            }
        } finally {
            child.destroyForcibly();
        }
        throw new AssertionError(String.join(" ", arguments) + " ended without showing a window; its output: "
                + read(log));
    }

    private static String display() {
        String display = System.getProperty("bench.display");
        return display == null ? "Monocle headless, software rendering" : "GTK on display " + display;
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
