package dev.fetchlet.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers whose {@code Forwarded} / {@code X-Forwarded-*} headers are believed. Written as a comma-separated
 * list of addresses and CIDR blocks, e.g. {@code 10.0.0.0/8, 127.0.0.1, ::1}; the word {@code loopback} stands
 * for 127.0.0.0/8 and ::1. Empty by default: with no trusted proxy, those headers are ignored and a client
 * cannot spoof its address.
 */
public final class TrustedProxies {
    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /** @throws IllegalArgumentException naming the entry that is not an address or CIDR block */
    public static TrustedProxies parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equalsIgnoreCase("loopback")) {
                blocks.add(Block.of("127.0.0.0/8"));
                blocks.add(Block.of("::1/128"));
            } else {
                blocks.add(Block.of(entry));
            }
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether {@code address} is an IPv4 or IPv6 literal (brackets and a zone allowed); names are never resolved. */
    public static boolean isIpAddress(String address) {
        return address != null && IpLiteral.parse(address) != null;
    }

    /** Whether {@code address} (an IP literal) lies in a trusted block. Anything unparsable is not trusted. */
    public boolean contains(String address) {
        if (blocks.isEmpty() || address == null) {
            return false;
        }
        byte[] ip = IpLiteral.parse(address);
        if (ip == null) {
            return false;
        }
        for (Block b : blocks) {
            if (b.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    private record Block(byte[] network, int prefix) {
        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            String addr = slash < 0 ? cidr : cidr.substring(0, slash);
            byte[] ip = IpLiteral.parse(addr);
            if (ip == null) {
                throw new IllegalArgumentException("FUNC_TRUSTED_PROXIES: '" + cidr + "' is not an IP address or CIDR block");
            }
            int prefix = ip.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > ip.length * 8) {
                    throw new IllegalArgumentException("FUNC_TRUSTED_PROXIES: bad prefix length in '" + cidr + "'");
                }
            }
            return new Block(ip, prefix);
        }

        boolean contains(byte[] ip) {
            if (ip.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (ip[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (ip[full] & mask) == (network[full] & mask);
        }
    }

    /** IP literals only: never a DNS lookup on the request path. */
    static final class IpLiteral {
        private IpLiteral() {
        }

        static byte[] parse(String s) {
            String a = s.trim();
            if (a.startsWith("[") && a.endsWith("]")) {
                a = a.substring(1, a.length() - 1);
            }
            int zone = a.indexOf('%');
            if (zone >= 0) {
                a = a.substring(0, zone);
            }
            if (a.isEmpty() || !(isIpv6Text(a) || isDottedQuad(a))) {
                return null; // a host name: refuse rather than resolve it
            }
            try {
                byte[] b = InetAddress.getByName(a).getAddress();
                return unmapIpv4(b);
            } catch (UnknownHostException e) {
                return null;
            }
        }

        // Hex digits, colons and dots only: InetAddress resolves anything else that it cannot parse as a
        // name (for example "host:80"), and a name must never be looked up.
        private static boolean isIpv6Text(String a) {
            if (a.indexOf(':') < 0) {
                return false;
            }
            for (int i = 0; i < a.length(); i++) {
                char c = a.charAt(i);
                boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex && c != ':' && c != '.') {
                    return false;
                }
            }
            return true;
        }

        // Four decimal octets up to 255: anything else would make InetAddress try a name lookup.
        private static boolean isDottedQuad(String a) {
            String[] parts = a.split("\\.", -1);
            if (parts.length != 4) {
                return false;
            }
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3) {
                    return false;
                }
                for (int i = 0; i < p.length(); i++) {
                    if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                        return false;
                    }
                }
                if (Integer.parseInt(p) > 255) {
                    return false;
                }
            }
            return true;
        }

        // ::ffff:10.0.0.1 is the IPv4 address as an IPv6 socket reports it.
        private static byte[] unmapIpv4(byte[] b) {
            if (b.length != 16) {
                return b;
            }
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return b;
                }
            }
            if ((b[10] & 0xFF) != 0xFF || (b[11] & 0xFF) != 0xFF) {
                return b;
            }
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
    }
}
