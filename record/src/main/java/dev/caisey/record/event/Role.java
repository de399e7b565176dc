package dev.caisey.record.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of participant that caused an event. Written in lower case: {@code "technician"}. */
public enum Role {
    /** An MSP technician at the desktop console. */
    TECHNICIAN,
    /** The person at the endpoint, in the browser page. */
    CLIENT,
    /** The headless agent on the endpoint. */
    AGENT,
    /** The server itself (expiry, disconnection detected, checkpoints). */
    SERVER;

    /** The wire form, e.g. {@code "technician"}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for its wire form. */
    @JsonCreator
    public static Role ofWireName(String name) {
        return WireNames.of(Role.class, name, "role");
    }
}
