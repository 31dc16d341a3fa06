package be.carnet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The traveller app's command line: where the launch link opens. */
class MainTest {

    private static final Path HOME_DATA = Path.of("/home/t/.carnet");

    @Test
    void byDefaultTheLinkOpensInCarnetsOwnProfileWhenABrowserIsFound() {
        Main.CommandLine line = Main.CommandLine.parse(new String[] {}, HOME_DATA);

        assertEquals(new Main.CommandLine(HOME_DATA, 0, 10, Main.BrowserChoice.OWNED_IF_FOUND), line);
    }

    @Test
    void systemBrowserChoosesTheDesktopsDefaultBrowser() {
        Main.CommandLine line = Main.CommandLine.parse(new String[] {"--system-browser", "--port", "8123"}, HOME_DATA);

        assertEquals(new Main.CommandLine(HOME_DATA, 8123, 10, Main.BrowserChoice.SYSTEM), line);
    }

    @Test
    void noBrowserOpensNothing() {
        Main.CommandLine line = Main.CommandLine.parse(new String[] {"--no-browser", "--data", "/d"}, HOME_DATA);

        assertEquals(new Main.CommandLine(Path.of("/d"), 0, 10, Main.BrowserChoice.NONE), line);
    }

    @Test
    void bothBrowserOptionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.CommandLine.parse(new String[] {"--system-browser", "--no-browser"}, HOME_DATA));

        assertEquals("choose at most one of --system-browser and --no-browser", e.getMessage());
    }
}
