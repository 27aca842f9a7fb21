package io.handoff.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked data folder into Spring Boot's short "APPLICATION FAILED TO START" report. */
public final class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderInUseException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Stop the other Handoff that uses " + cause.folder() + ", set HANDOFF_DATA_DIR to another folder, "
                        + "or set REDIS_URL to use a Redis of your own.", cause);
    }
}
