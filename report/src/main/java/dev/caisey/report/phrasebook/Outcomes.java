package dev.caisey.report.phrasebook;

import dev.caisey.record.event.Outcome;

/** How a session ended, in words. */
public final class Outcomes {
    private Outcomes() {}

    /** "problem resolved", "problem not resolved", "handed on (escalated)", "closed without work". */
    public static String words(Outcome outcome) {
        return switch (outcome) {
            case RESOLVED -> "problem resolved";
            case UNRESOLVED -> "problem not resolved";
            case ESCALATED -> "handed on (escalated)";
            case ABANDONED -> "closed without work";
        };
    }
}
