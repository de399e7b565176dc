package dev.caisey.console.cli;

import dev.caisey.record.event.Micros;
import java.time.temporal.ChronoUnit;

/** Times as the command line prints them: UTC, to the second, ISO 8601. */
final class Texts {
    private Texts() {}

    static String utc(long micros) {
        return Micros.toInstant(micros).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String utcOrNever(Long micros) {
        return micros == null ? "never" : utc(micros);
    }
}
