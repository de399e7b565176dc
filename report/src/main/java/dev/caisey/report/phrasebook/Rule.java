package dev.caisey.report.phrasebook;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the phrasebook: a pattern that matches the start of a single statement of a script (case-insensitively) and the verb and object that describe it. The object may use the pattern's named groups through a
 * function, so that "Restart-Service Spooler" names "the Print Spooler service".
 *
 * @param pattern the statement's shape
 * @param verb the verb in the infinitive ("restart")
 * @param pastVerb the verb in the past tense ("restarted")
 * @param object the object of the sentence for a match ("the Print Spooler service")
 */
record Rule(Pattern pattern, String verb, String pastVerb, Function<Matcher, String> object) {
    Rule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(pastVerb, "pastVerb");
        Objects.requireNonNull(object, "object");
    }

    /** A rule whose object depends on the match. */
    static Rule of(String regex, String verb, String pastVerb, Function<Matcher, String> object) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), verb, pastVerb, object);
    }

    /** A rule with a fixed object. */
    static Rule of(String regex, String verb, String pastVerb, String object) {
        return of(regex, verb, pastVerb, m -> object);
    }

    /** The phrase for a statement, if this rule matches its beginning (options after the subject are ignored). */
    Optional<Phrase> phrase(String statement) {
        Matcher matcher = pattern.matcher(statement);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        return Optional.of(Phrase.of(verb, pastVerb, object.apply(matcher)));
    }
}
