package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The dev command's {@code --allowed-host} option and {@code FUNC_DEV_ALLOWED_HOSTS}. */
class LauncherDevOptionsTest {

    @Test
    void repeatedFlagsInBothFormsAreCollectedAndTheRestPassedOn() {
        List<String> hosts = new ArrayList<>();
        String[] rest = DevCommand.takeAllowedHosts(
            new String[] {"--port", "0", "--allowed-host", "myapp.test", "--allowed-host=.example.test", "app"},
            Map.of(), hosts);

        assertEquals(List.of("myapp.test", ".example.test"), hosts);
        assertArrayEquals(new String[] {"--port", "0", "app"}, rest);
    }

    @Test
    void theEnvironmentAddsCommaSeparatedNames() {
        List<String> hosts = new ArrayList<>();
        DevCommand.takeAllowedHosts(new String[] {"--allowed-host", "a.test", "app"},
            Map.of(DevCommand.ALLOWED_HOSTS_VARIABLE, " b.test, ,c.test "), hosts);

        assertEquals(List.of("a.test", "b.test", "c.test"), hosts);
    }

    @Test
    void aMissingOrBlankValueIsAUsageError() {
        assertThrows(UsageException.class,
            () -> DevCommand.takeAllowedHosts(new String[] {"app", "--allowed-host"}, Map.of(), new ArrayList<>()));
        assertThrows(UsageException.class,
            () -> DevCommand.takeAllowedHosts(new String[] {"--allowed-host=", "app"}, Map.of(), new ArrayList<>()));
    }
}
