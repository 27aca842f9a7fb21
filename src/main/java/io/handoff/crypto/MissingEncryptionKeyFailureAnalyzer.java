package io.handoff.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing HANDOFF_ENCRYPTION_KEY into Spring Boot's short "APPLICATION FAILED TO START" report. */
public final class MissingEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingEncryptionKeyException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingEncryptionKeyException cause) {
        return new FailureAnalysis(cause.feature() + " stores every installation's tokens in Redis encrypted with "
                + EncryptionKeys.VARIABLE + ", which is not set (REDIS_URL points at a shared Redis).",
                MissingEncryptionKeyException.action(), cause);
    }
}
