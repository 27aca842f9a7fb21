package io.handoff.config;

import java.nio.file.Path;

/** Another process (a second Handoff) holds the data folder's lock: two redis-servers must not share its files. */
public final class DataFolderInUseException extends IllegalStateException {
    private final transient Path folder;

    DataFolderInUseException(Path folder, Path lockFile) {
        super("The data folder " + folder + " is in use by another Handoff (it holds " + lockFile + "); stop that one, "
                + "or give this one its own folder with HANDOFF_DATA_DIR");
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
