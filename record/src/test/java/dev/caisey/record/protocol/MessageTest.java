package dev.caisey.record.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The contract every message keeps beyond its own members. */
class MessageTest {

    @Test
    void neverShowsASecretInToString() {
        assertThat(Samples.of(MessageType.LOGIN).toString()).contains("dana").doesNotContain("correct horse");
        assertThat(Samples.of(MessageType.LOGIN_OK).toString()).doesNotContain("tok-secret-1");
        assertThat(Samples.of(MessageType.RESUME).toString()).doesNotContain("tok-secret-1");
        assertThat(Samples.of(MessageType.AGENT_ENROLL).toString()).doesNotContain("enr-7f3a9c");
        assertThat(Samples.of(MessageType.CLIENT_INVITED).toString()).doesNotContain("K7P-4QX");
        assertThat(Samples.of(MessageType.CLIENT_JOIN).toString()).doesNotContain("K7P-4QX");
    }

    @Test
    void answersAPingWithItsOwnTime() {
        assertThat(new Ping(42).pong()).isEqualTo(new Pong(42));
    }
}
