package dev.issuecommand.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which address names the client, with and without a trusted proxy. */
class ClientAddressTest {

    @Test
    void withoutTrustedProxyTheSocketAddressCounts() {
        assertThat(ClientAddress.resolve(false, "1.1.1.1", "2.2.2.2", "127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedProxyTheFirstForwardedEntryThenXRealIp() {
        assertThat(ClientAddress.resolve(true, " 1.1.1.1 , 3.3.3.3", "2.2.2.2", "127.0.0.1")).isEqualTo("1.1.1.1");
        assertThat(ClientAddress.resolve(true, null, " 2.2.2.2 ", "127.0.0.1")).isEqualTo("2.2.2.2");
        assertThat(ClientAddress.resolve(true, " ", "", "127.0.0.1")).isEqualTo("127.0.0.1");
    }
}
