package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackAddressesTest {

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(
            strings = {
                "0.0.0.0",
                "10.1.2.3",
                "100.64.0.1", // carrier-grade NAT
                "100.127.255.254",
                "127.0.0.1",
                "127.8.9.10",
                "169.254.169.254", // cloud metadata
                "172.16.0.1",
                "172.31.255.255",
                "192.0.0.8",
                "192.0.2.10",
                "192.168.1.1",
                "198.18.0.1",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1", // multicast
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "::ffff:127.0.0.1", // IPv4-mapped loopback
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1", // IPv4-compatible
                "::8.8.8.8",
                "64:ff9b::a00:1", // NAT64 to 10.0.0.1
                "2002:7f00:1::1", // 6to4 of 127.0.0.1
                "2002:c0a8:101::1", // 6to4 of 192.168.1.1
                "2001:0:4136:e378::1", // Teredo
                "2001:db8::1", // documentation
                "fc00::1", // unique local
                "fd12:3456:789a::1",
                "fe80::1", // link-local
                "fec0::1", // site-local
                "ff02::1", // multicast
                "100::1" // discard-only
            })
    void refusesEveryAddressThatIsNotPublic(String address) {
        assertThat(CallbackAddresses.isPublic(InetAddress.ofLiteral(address))).isFalse();
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "100.63.255.255", // just below carrier-grade NAT
                "100.128.0.1", // just above it
                "172.15.255.255",
                "172.32.0.1",
                "192.169.0.1",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808", // NAT64 to 8.8.8.8
                "2002:808:808::1", // 6to4 of 8.8.8.8
                "2606:4700:4700::1111",
                "2800:3f0:4001:80b::200e"
            })
    void acceptsPublicUnicastAddresses(String address) {
        assertThat(CallbackAddresses.isPublic(InetAddress.ofLiteral(address))).isTrue();
    }

    @Test
    void judgesAMappedAddressKeptInItsIpv6FormByTheIpv4ItCarries() throws Exception {
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        byte[] mappedPublic = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};

        assertThat(CallbackAddresses.isPublic(Inet6Address.getByAddress(null, mappedLoopback, -1)))
                .isFalse();
        assertThat(CallbackAddresses.isPublic(Inet6Address.getByAddress(null, mappedPublic, -1)))
                .isTrue();
    }

    @ParameterizedTest(name = "live refuses {0}: {1}")
    @CsvSource({
        "http://loja.com.br/status, callbacks.url.https",
        "http://127.0.0.1:8080/status, callbacks.url.https",
        "http://localhost:8080/status, callbacks.url.https",
        "ftp://loja.com.br/status, callbacks.url.https",
        "https://ana:senha@loja.com.br/status, callbacks.url.credentials",
        "/status, callbacks.url.malformed",
        "https:///status, callbacks.url.malformed",
        "'https://loja .com.br', callbacks.url.malformed"
    })
    void liveModeTakesOnlyHttpsUrls(String url, String reason) {
        assertThatThrownBy(() -> CallbackUrl.parse(url, false))
                .isInstanceOfSatisfying(
                        InvalidCallbackUrl.class,
                        invalid -> assertThat(invalid.messageKey()).isEqualTo(reason));
    }

    @Test
    void sandboxModeAlsoTakesAReceiverOnThisMachineWithItsPort() {
        assertThat(CallbackUrl.parse("http://127.0.0.1:8089/avisos", true).onThisMachine())
                .isTrue();
        assertThat(CallbackUrl.parse("http://localhost:8089/avisos", true).onThisMachine())
                .isTrue();
        assertThat(CallbackUrl.parse("https://loja.com.br/avisos", true).onThisMachine())
                .isFalse();
        assertThat(CallbackUrl.parse("https://loja.com.br/avisos", false).onThisMachine())
                .isFalse();
        for (String refused :
                new String[] {"http://127.0.0.1/avisos", "http://10.0.0.1:8080/avisos", "http://loja.com.br:8080/avisos"
                }) {
            assertThatThrownBy(() -> CallbackUrl.parse(refused, true))
                    .isInstanceOfSatisfying(
                            InvalidCallbackUrl.class,
                            invalid -> assertThat(invalid.messageKey()).isEqualTo("callbacks.url.https-or-local"));
        }
    }
}
