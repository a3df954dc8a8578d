package dev.fetchlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizes, durations and switches of configuration values; a bad value names its key. */
class UnitsTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "0,            0",
        "1048576,      1048576",
        "100b,         100",
        "100B,         100",
        "512KB,        524288",
        "512kb,        524288",
        "512k,         524288",
        "512KiB,       524288",
        "6MB,          6291456",
        "6mb,          6291456",
        "6M,           6291456",
        "6MiB,         6291456",
        "' 6 MB ',     6291456",
        "1GB,          1073741824",
        "1g,           1073741824",
        "2GiB,         2147483648",
    })
    void bytesAcceptsEveryDocumentedForm(String value, long expected) {
        assertEquals(expected, Units.bytes("FUNC_BODY_LIMIT", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MB", "-1", "-1MB", "1.5MB", "6 TB", "six", "6MBB", "9223372036854775807KB", "0x10"})
    void badSizesNameTheKey(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.bytes("FUNC_BODY_LIMIT", value));
        assertTrue(e.getMessage().contains("FUNC_BODY_LIMIT"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "30,       PT30S",
        "30s,      PT30S",
        "30S,      PT30S",
        "500ms,    PT0.5S",
        "500MS,    PT0.5S",
        "2m,       PT2M",
        "1h,       PT1H",
        "' 45s ',  PT45S",
        "PT30S,    PT30S",
        "pt1m30s,  PT1M30S",
        "P1D,      PT24H",
        "P1DT1H,   PT25H",
    })
    void durationAcceptsEveryDocumentedForm(String value, String expected) {
        assertEquals(Duration.parse(expected), Units.duration("FUNC_TIMEOUT", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "ms", "1.5s", "thirty", "PT", "30 sec", "1d", "P"})
    void badDurationsNameTheKey(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.duration("FUNC_TIMEOUT", value));
        assertTrue(e.getMessage().contains("FUNC_TIMEOUT"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "On", "1", " true "})
    void switchesOn(String value) {
        assertTrue(Units.flag("FUNC_DEV", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "off", "0", ""})
    void switchesOff(String value) {
        assertEquals(false, Units.flag("FUNC_DEV", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"treu", "2", "enabled"})
    void anythingElseIsRefusedNamingTheKey(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.flag("FUNC_DEV", value));
        assertTrue(e.getMessage().contains("FUNC_DEV") && e.getMessage().contains(value), e.getMessage());
    }
}
