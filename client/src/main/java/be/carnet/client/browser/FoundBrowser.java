package be.carnet.client.browser;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A browser found on this computer that Carnet can start with a profile of its own.
 *
 * @param kind how it is driven
 * @param executable the program to start
 */
public record FoundBrowser(Kind kind, Path executable) {

    /** The two families whose command lines Carnet knows. */
    public enum Kind {
        /** Chromium, Google Chrome: {@code --app} window, {@code --user-data-dir} profile. */
        CHROMIUM,
        /** Firefox: {@code -profile} directory, a separate instance. */
        FIREFOX
    }

    public FoundBrowser {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(executable, "executable");
    }
}
