package br.com.whatsappoficial.messaging;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Which addresses a status callback may reach: only public unicast ones, so a callback URL can never make
 * our nodes call into their own network (SSRF). Everything else is refused: private, loopback, link-local,
 * carrier-grade NAT, multicast, documentation and reserved ranges, IPv6 unique-local and link-local, and
 * IPv4 written inside IPv6 (mapped, compatible, NAT64, 6to4), judged by the IPv4 address it carries.
 */
final class CallbackAddresses {

    private CallbackAddresses() {}

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(bytes);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] a) {
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        int third = a[2] & 0xff;
        return !(first == 0 // "this network"
                || first == 10 // private
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                || first == 127 // loopback
                || (first == 169 && second == 254) // link-local, cloud metadata services
                || (first == 172 && second >= 16 && second <= 31) // private
                || (first == 192 && second == 0 && third == 0) // IETF protocol assignments
                || (first == 192 && second == 0 && third == 2) // documentation
                || (first == 192 && second == 88 && third == 99) // 6to4 relay anycast
                || (first == 192 && second == 168) // private
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || (first == 198 && second == 51 && third == 100) // documentation
                || (first == 203 && second == 0 && third == 113) // documentation
                || first >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] a) {
        if (allZero(a, 0, 10)) {
            // ::ffff:a.b.c.d (mapped) reaches that IPv4 address; the deprecated compatible ::a.b.c.d, the
            // unspecified :: and the loopback ::1 never are a receiver's
            boolean mapped = (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
            return mapped && isPublicV4(Arrays.copyOfRange(a, 12, 16));
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            // 64:ff9b::/96, NAT64: reaches the IPv4 address in its last four bytes
            return isPublicV4(Arrays.copyOfRange(a, 12, 16));
        }
        if (first == 0x20 && second == 0x02) {
            // 2002::/16, 6to4: reaches the IPv4 address in bytes 2 to 5
            return isPublicV4(Arrays.copyOfRange(a, 2, 6));
        }
        if (first == 0x20 && second == 0x01 && a[2] == 0 && a[3] == 0) {
            return false; // 2001::/32, Teredo: tunnels to an address we cannot see
        }
        if (first == 0x20 && second == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return false; // 2001:db8::/32, documentation
        }
        // Only 2000::/3 is global unicast: this refuses ULA fc00::/7, link-local fe80::/10, site-local
        // fec0::/10, multicast ff00::/8 and everything unassigned.
        return (first & 0xe0) == 0x20;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
