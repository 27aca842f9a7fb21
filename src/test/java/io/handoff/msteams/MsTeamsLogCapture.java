package io.handoff.msteams;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Collects the log events of Handoff's Teams adapter and of the Bot Framework SDK while a test runs. */
final class MsTeamsLogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    MsTeamsLogCapture() {
        appender.start();
        root().addAppender(appender);
    }

    /** Events at {@code level} of loggers under io.handoff.msteams or com.microsoft (the SDK). */
    List<ILoggingEvent> at(Level level) {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        return events.stream().filter(e -> e.getLevel() == level)
                .filter(e -> e.getLoggerName().startsWith("io.handoff.msteams") || e.getLoggerName().startsWith("com.microsoft"))
                .toList();
    }

    List<String> messages(Level level) {
        return at(level).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        root().detachAppender(appender);
        appender.stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
