package dev.caisey.record.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The result of a verification step. Written in lower case. */
public enum Verdict {
    /** The check showed the fix works. */
    PASSED,
    /** The check showed the problem remains. */
    FAILED;

    /** The wire form, in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for its wire form. */
    @JsonCreator
    public static Verdict ofWireName(String name) {
        return WireNames.of(Verdict.class, name, "verdict");
    }
}
