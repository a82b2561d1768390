package cn.lantai.access.internal.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whose request it is, for the limits: the connection's own address, unless it comes from one of the configured
 * reverse proxies; then the right-most {@code X-Forwarded-For} entry that is not a trusted proxy (entries to its left
 * were written by the client and prove nothing). IPv6 addresses count by their /64 network, which one subscriber
 * holds whole, so walking through it buys no new allowance. Only address literals are read: a name is never looked up.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(?!$)|$)){4}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final Set<InetAddress> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(ClientAddress::literal)
                .map(a -> a.orElseThrow(() -> new IllegalArgumentException(
                        "lantai.access.rate-limits.trusted-proxies takes IP addresses, not names")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The key the request is limited by. */
    String of(String remoteAddress, String forwardedFor) {
        Optional<InetAddress> peer = literal(remoteAddress);
        if (peer.isEmpty()) {
            return "?" + remoteAddress;
        }
        InetAddress client = peer.get();
        if (trustedProxies.contains(client) && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops[i].strip());
                if (hop.isEmpty()) {
                    break; // a hop that is no address: the last one believed stands
                }
                client = hop.get();
                if (!trustedProxies.contains(client)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }

    /** The address if the text is an IPv4 or IPv6 literal (brackets allowed); never resolved as a name. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (t.length() > 45 || !(IPV4.matcher(t).matches() || IPV6.matcher(t).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
