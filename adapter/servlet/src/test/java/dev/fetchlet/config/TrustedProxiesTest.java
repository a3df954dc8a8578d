package dev.fetchlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which peers count as trusted proxies: IP literals and CIDR blocks only, never a resolved name. */
class TrustedProxiesTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8,        10.255.1.2,        true",
        "10.0.0.0/8,        11.0.0.1,          false",
        "10.0.0.0/8,        9.255.255.255,     false",
        "192.168.1.0/24,    192.168.1.255,     true",
        "192.168.1.0/24,    192.168.2.0,       false",
        "172.16.0.0/12,     172.31.255.255,    true",
        "172.16.0.0/12,     172.32.0.0,        false",
        "10.0.0.1/31,       10.0.0.0,          true",
        "10.0.0.1/31,       10.0.0.2,          false",
        "203.0.113.7,       203.0.113.7,       true",
        "203.0.113.7,       203.0.113.8,       false",
        "203.0.113.7/32,    203.0.113.7,       true",
        "203.0.113.7/32,    203.0.113.6,       false",
        "0.0.0.0/0,         8.8.8.8,           true",
        "0.0.0.0/0,         255.255.255.255,   true",
        "0.0.0.0/0,         ::1,               false",
        "2001:db8::/32,     2001:db8:ffff::1,  true",
        "2001:db8::/32,     2001:db9::1,       false",
        "2001:db8::/33,     2001:db8:7fff::1,  true",
        "2001:db8::/33,     2001:db8:8000::1,  false",
        "::1,               ::1,               true",
        "::1/128,           0:0:0:0:0:0:0:1,   true",
        "::1/128,           ::2,               false",
        "::/0,              2001:db8::1,       true",
        "::/0,              10.0.0.1,          false",
        "fd00::/8,          [fd12:3456::1],    true",
        "fe80::/10,         fe80::1%eth0,      true",
    })
    void blocksAndPrefixEdges(String spec, String address, boolean expected) {
        assertEquals(expected, TrustedProxies.parse(spec).contains(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "::1", "[::1]", "::ffff:127.0.0.1"})
    void loopbackCoversIpv4AndIpv6Loopback(String address) {
        assertTrue(TrustedProxies.parse("loopback").contains(address));
        assertTrue(TrustedProxies.parse("LOOPBACK").contains(address));
    }

    @Test
    void loopbackDoesNotCoverOtherAddresses() {
        TrustedProxies t = TrustedProxies.parse("loopback");
        assertFalse(t.contains("128.0.0.1"));
        assertFalse(t.contains("::2"));
        assertFalse(t.contains("10.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:10.1.2.3", "::FFFF:10.1.2.3", "0:0:0:0:0:ffff:a01:203", "[::ffff:10.1.2.3]"})
    void ipv4MappedIpv6PeersMatchIpv4Blocks(String address) {
        assertTrue(TrustedProxies.parse("10.0.0.0/8").contains(address));
    }

    @Test
    void ipv4MappedEntryMatchesThePlainIpv4Peer() {
        assertTrue(TrustedProxies.parse("::ffff:10.1.2.3").contains("10.1.2.3"));
    }

    @Test
    void ipv4CompatibleOrOtherIpv6DoesNotMatchIpv4() {
        assertFalse(TrustedProxies.parse("10.0.0.0/8").contains("::a01:203"));
        assertFalse(TrustedProxies.parse("10.0.0.0/8").contains("64:ff9b::10.1.2.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:80", "example.com", "127.0.0.1.nip.io", "0x7f.0.0.1", "127.1",
        "2130706433", "017700000001", "", " ", "unknown", "_hidden", "not:an:address", "g::1", "1:2:3:4:5:6:7:8:9",
        "127.0.0.1:8080", "[::1]:80", "256.0.0.1", "[::1", "10.0.0.1/8"})
    void namesAndNonLiteralsAreNeverTrusted(String address) {
        TrustedProxies all = TrustedProxies.parse("0.0.0.0/0, ::/0");
        assertFalse(all.contains(address), "'" + address + "' must not be resolved nor trusted");
    }

    @Test
    void nullAddressIsNotTrusted() {
        assertFalse(TrustedProxies.parse("0.0.0.0/0").contains(null));
    }

    @Test
    void listsMixBlocksAndSkipEmptyEntries() {
        TrustedProxies t = TrustedProxies.parse(" 10.0.0.0/8 , ,2001:db8::/32,loopback,");
        assertTrue(t.contains("10.0.0.1"));
        assertTrue(t.contains("2001:db8::5"));
        assertTrue(t.contains("127.0.0.1"));
        assertFalse(t.contains("192.168.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "", ",", " , "})
    void blankSpecTrustsNobody(String spec) {
        TrustedProxies t = TrustedProxies.parse(spec);
        assertTrue(t.isEmpty());
        assertFalse(t.contains("127.0.0.1"));
    }

    @Test
    void nullSpecIsNone() {
        assertSame(TrustedProxies.none(), TrustedProxies.parse(null));
        assertFalse(TrustedProxies.none().contains("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/x", "::/129", "proxy.internal",
        "localhost", "10.0.0", "300.1.1.1", "10.0.0.0/8/8", "::1/ 8"})
    void badEntriesThrowNamingTheEntry(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("10.0.0.0/8, " + entry));
        assertTrue(e.getMessage().contains("FUNC_TRUSTED_PROXIES"), e.getMessage());
        assertTrue(e.getMessage().contains(entry.trim()), e.getMessage());
    }
}
