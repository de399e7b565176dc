package dev.caisey.console.trust;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.connection.ServerAddress;

/**
 * How the user confirms a server's certificate on first contact. The desktop console asks in a dialog, the command
 * line compares it with {@code --fingerprint} or asks at the terminal. Answering {@code false} refuses the server.
 */
@FunctionalInterface
public interface Confirmation {
    /**
     * Whether the user trusts {@code presented} as the certificate of {@code server}; called off the UI thread and may
     * block until the user answers.
     */
    boolean confirm(ServerAddress server, Fingerprint presented);

    /**
     * Accepts exactly the fingerprint the user gave in advance.
     *
     * @throws ConsoleException with {@link Failure#UNTRUSTED} naming both fingerprints when the server shows another
     */
    static Confirmation expecting(Fingerprint expected) {
        return (server, presented) -> {
            if (!presented.matches(expected)) {
                throw new ConsoleException(
                        Failure.UNTRUSTED,
                        "The server at " + server.key() + " presented the certificate " + presented
                                + ", but you said to expect " + expected
                                + ". Nothing was sent and nothing was remembered. Compare with the fingerprint"
                                + " caisey-server printed at start.");
            }
            return true;
        };
    }

    /** Refuses every certificate (no one is there to ask), saying how to confirm it. */
    static Confirmation refuse() {
        return (server, presented) -> {
            throw new ConsoleException(
                    Failure.UNTRUSTED,
                    "The server at " + server.key() + " is not known on this computer. It presented the certificate "
                            + presented + ". Compare it with the fingerprint caisey-server printed at start and, if"
                            + " they match, sign in again with --fingerprint " + presented + ".");
        };
    }
}
