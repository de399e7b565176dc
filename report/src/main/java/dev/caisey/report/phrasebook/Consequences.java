package dev.caisey.report.phrasebook;

import java.util.Locale;
import java.util.Optional;

/**
 * What a command will mean for the person at the computer, in one sentence, for the requests they are asked to
 * approve: restarting the Print Spooler service means "Printing will stop for a few seconds." Only the first step of a
 * phrase is considered; a phrase with no foreseeable effect on the person has no sentence.
 */
public final class Consequences {
    private Consequences() {}

    /** The sentence for a phrase, if its first step has an effect the person will notice. */
    public static Optional<String> of(Phrase phrase) {
        String todo = phrase.todo().toLowerCase(Locale.ROOT);
        int then = todo.indexOf(", then ");
        String first = then < 0 ? todo : todo.substring(0, then);
        boolean service = first.contains(" service");
        if (first.startsWith("restart the computer")) {
            return Optional.of("The computer will restart: save your work and close your programs first.");
        }
        if (first.startsWith("shut down the computer")) {
            return Optional.of("The computer will switch off: save your work first.");
        }
        if (service && first.contains("print") && first.startsWith("restart")) {
            return Optional.of("Printing will stop for a few seconds.");
        }
        if (service && first.contains("print") && first.startsWith("stop")) {
            return Optional.of("Printing will stop until the service is started again.");
        }
        if (service && first.startsWith("restart")) {
            return Optional.of("That service will pause for a few seconds while it restarts.");
        }
        if (service && first.startsWith("stop")) {
            return Optional.of("That service will stay off until it is started again.");
        }
        if (first.startsWith("close the program")) {
            return Optional.of("If you have that program open, save your work in it first.");
        }
        return Optional.empty();
    }
}
