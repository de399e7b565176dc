package dev.caisey.record.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which output stream of a command a chunk came from. Written in lower case. */
public enum OutputChannel {
    /** Standard output. */
    STDOUT,
    /** Standard error. */
    STDERR;

    /** The wire form, in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for its wire form. */
    @JsonCreator
    public static OutputChannel ofWireName(String name) {
        return WireNames.of(OutputChannel.class, name, "channel");
    }
}
