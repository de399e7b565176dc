package dev.caisey.console.it;

import dev.caisey.console.connection.ConnectionSettings;
import java.time.Duration;

/** Connection settings for tests that cut connections: short deadlines and a quick, small backoff. */
final class FastSettings {
    /** Reconnects within a fraction of a second, so a test with several cuts takes seconds. */
    static final ConnectionSettings FAST = new ConnectionSettings(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofMillis(500),
            Duration.ofMillis(1500),
            Duration.ofMillis(20),
            Duration.ofMillis(200),
            2.0);

    private FastSettings() {}
}
