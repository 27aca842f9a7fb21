package io.handoff.backup;

/** An import larger than {@code handoff.backup.max-import-size}: answered 413, nothing written. */
public class ImportTooLargeException extends RuntimeException {
    public ImportTooLargeException(long limit) {
        super("the export is larger than this deployment accepts (" + limit + " bytes, handoff.backup.max-import-size)"
                + "; nothing was written");
    }
}
