package dev.caisey.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void theWaitDoublesUpToItsCeiling() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(3));

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(policy::delayAfter))
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(3),
                        Duration.ofMinutes(3));
    }

    @Test
    void theDefaultGivesUpWithinAboutAnHour() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        Duration total = IntStream.range(1, policy.maxAttempts())
                .mapToObj(policy::delayAfter)
                .reduce(Duration.ZERO, Duration::plus);

        assertThat(total).isBetween(Duration.ofMinutes(45), Duration.ofMinutes(75));
    }

    @Test
    void refusesAPolicyThatWouldNeverEndOrNeverWait() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1_000, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("firstDelay");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("firstDelay");
    }
}
