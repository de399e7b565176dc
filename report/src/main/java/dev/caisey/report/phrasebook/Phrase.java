package dev.caisey.report.phrasebook;

import java.util.Objects;

/**
 * What a command does, in words a person without technical training understands, in two forms: {@link #todo()} to say
 * what someone asked for ("restart the Print Spooler service") and {@link #done()} to say what happened ("Restarted
 * the Print Spooler service").
 *
 * @param todo the action in the infinitive, lower case, no full stop ("restart the Print Spooler service")
 * @param done the action in the past tense, capitalised, no full stop ("Restarted the Print Spooler service")
 * @param recognised whether a phrasebook rule understood the command; {@code false} for the fallback wording
 */
public record Phrase(String todo, String done, boolean recognised) {
    /** The wording for a command no rule understands. */
    public static final Phrase FALLBACK =
            new Phrase("run a command on the computer", "Ran a command on the computer", false);

    /** Checks that both forms are present. */
    public Phrase {
        Objects.requireNonNull(todo, "todo");
        Objects.requireNonNull(done, "done");
    }

    /** A phrase from a verb in both tenses and its object: {@code of("restart", "restarted", "the X service")}. */
    public static Phrase of(String verb, String pastVerb, String object) {
        String tail = object == null || object.isBlank() ? "" : " " + object;
        return new Phrase(verb + tail, capitalise(pastVerb) + tail, true);
    }

    /** This phrase followed by another: "stopped the X service, then started the X service". */
    public Phrase then(Phrase next) {
        return new Phrase(
                todo + ", then " + next.todo, done + ", then " + lowerFirst(next.done), recognised && next.recognised);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text; // an acronym or a name ("DNS cache"), keep it
        }
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
