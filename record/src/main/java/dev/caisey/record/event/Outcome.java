package dev.caisey.record.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a session ended. Written in lower case. */
public enum Outcome {
    /** The problem is fixed. */
    RESOLVED,
    /** The problem remains and no one else is taking it on. */
    UNRESOLVED,
    /** Handed on to someone else (another team, the vendor, an on-site visit). */
    ESCALATED,
    /** Closed without work (opened by mistake, the client was unavailable). */
    ABANDONED;

    /** The wire form, in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for its wire form. */
    @JsonCreator
    public static Outcome ofWireName(String name) {
        return WireNames.of(Outcome.class, name, "outcome");
    }
}
