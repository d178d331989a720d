package org.dbb.console.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleLoggingTest {

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperty() {
        System.clearProperty(ConsoleLogging.LEVEL_PROPERTY);
        context.stop();
    }

    @Test
    void diagnosticsGoToStandardErrorAtWarnAndAbove() {
        ExecutionStatus status = configure();

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).singleElement().isInstanceOfSatisfying(ConsoleAppender.class, appender -> {
            assertThat(appender.getTarget()).isEqualTo("System.err");
            assertThat(appender.isStarted()).isTrue();
            assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(ConsoleLogging.PATTERN);
        });
        assertThat(context.getLogger("org.dbb.console.core.engine").isDebugEnabled()).isFalse();
        assertThat(context.getLogger("com.azure.core").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("com.azure.core").isWarnEnabled()).isTrue();
    }

    @Test
    void theConsolesOwnLevelIsSetWithASystemProperty() {
        System.setProperty(ConsoleLogging.LEVEL_PROPERTY, "DEBUG");

        configure();

        assertThat(context.getLogger("org.dbb.console.core.engine").isDebugEnabled()).isTrue();
        assertThat(context.getLogger("okhttp3").isDebugEnabled()).isFalse();
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineTakesOver() {
        System.setProperty("logback.configurationFile", "elsewhere.xml");
        try {
            assertThat(configure()).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
                    .isFalse();
        } finally {
            System.clearProperty("logback.configurationFile");
        }
    }

    private ExecutionStatus configure() {
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);
        return logging.configure(context);
    }
}
