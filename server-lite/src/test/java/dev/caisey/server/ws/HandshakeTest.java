package dev.caisey.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    @Test
    void readsThePassFromTheCookieOfAPageOfThisServer() {
        Handshake h = Handshake.of(Map.of(
                "Cookie", List.of("a=1; caisey-client=Zm9vYmFyLXBhc3M"),
                "Origin", List.of("https://127.0.0.1:8443"),
                "Host", List.of("127.0.0.1:8443")));
        assertThat(h.pass()).isEqualTo("Zm9vYmFyLXBhc3M");
        assertThat(h.sameOrigin()).isTrue();
        assertThat(h.toString()).doesNotContain("Zm9vYmFyLXBhc3M");
    }

    @Test
    void aPageOfAnotherSiteIsNotTheSameOrigin() {
        Handshake h = Handshake.of(Map.of(
                "cookie", List.of("caisey-client=Zm9vYmFyLXBhc3M"),
                "origin", List.of("https://evil.example"),
                "host", List.of("127.0.0.1:8443")));
        assertThat(h.sameOrigin()).isFalse();
        assertThat(Handshake.of(Map.of("Origin", List.of("not a url"), "Host", List.of("a")))
                        .sameOrigin())
                .isFalse();
    }

    @Test
    void aProgramWithoutCookieOrOriginHasNoPass() {
        Handshake h = Handshake.of(Map.of("Host", List.of("127.0.0.1:8443")));
        assertThat(h.pass()).isNull();
        assertThat(h.sameOrigin()).isTrue();
    }
}
