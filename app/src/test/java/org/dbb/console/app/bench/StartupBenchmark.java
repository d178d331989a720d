package org.dbb.console.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.Main;

/**
 * Start-up cost of the console over JavaFX's own: the time from starting a JVM to its first window shown and laid
 * out, for the console ({@code Main} with no arguments: the window on the sample workspace) divided by the same for
 * {@link BareWindow}. Both run in child JVMs on this test's class path, alternating so the machine's load drifts
 * over both alike, after one unmeasured warm-up each (it fills the OS file cache and exports the sample); the best
 * of 5 each is compared. Children use Monocle's headless glass and software rendering, unless
 * {@code -Dbench.display=:99} names an X display to open real (GTK) windows on. Excluded from the default build
 * (tag {@code benchmark}); run it with {@code mvn -o -pl app -am test -Dtest=StartupBenchmark -Dgroups=benchmark
 * -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StartupBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path home;

    @Test
    void consoleReachesItsFirstWindowWithinAFewTimesABareJavaFxWindow() throws Exception {
        run(Main.class.getName());
        run(BareWindow.class.getName());
        List<Long> console = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            console.add(run(Main.class.getName()));
            bare.add(run(BareWindow.class.getName()));
        }
        long bestConsole = Collections.min(console);
        long bestBare = Collections.min(bare);
        double ratio = (double) bestConsole / bestBare;
        System.out.println(String.format(Locale.ROOT, "[benchmark] start-up to first window (%s): console best %d ms"
                + " %s, bare JavaFX best %d ms %s; ratio %.2f", display(), bestConsole, console, bestBare, bare,
                ratio));

        assertThat(ratio).isPositive();
    }

    /** Starts {@code mainClass} under the probe in a fresh JVM; the milliseconds until it reports its window. */
    private long run(String mainClass) throws Exception {
        Path log = Files.createTempFile(home, "child-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path")));
        String display = System.getProperty("bench.display");
        if (display == null) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        command.addAll(List.of(FirstWindowProbe.class.getName(), mainClass));
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
        throw new AssertionError(mainClass + " ended without showing a window; its output: " + read(log));
    }

    private static String display() {
        String display = System.getProperty("bench.display");
        return display == null ? "Monocle headless, software rendering" : "GTK on display " + display;
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
