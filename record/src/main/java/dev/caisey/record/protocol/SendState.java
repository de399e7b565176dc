package dev.caisey.record.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.caisey.record.event.Require;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an e-mailed report is on its way to the client. Written in lower case: {@code "retrying"}. */
public enum SendState {
    /** Accepted and kept durably; the first attempt follows at once. */
    QUEUED,
    /** An attempt failed for a reason that may pass (the mail server is down or busy); another follows. */
    RETRYING,
    /** The mail server accepted it for every recipient. */
    SENT,
    /** Given up: a person has to fix something, or every attempt failed. */
    FAILED;

    /** The wire form, e.g. {@code "sent"}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether nothing more will happen to this send. */
    public boolean isFinal() {
        return this == SENT || this == FAILED;
    }

    /**
     * The state for its wire form.
     *
     * @throws dev.caisey.record.RecordException with {@link dev.caisey.record.ErrorCode#INVALID} listing the states
     */
    @JsonCreator
    public static SendState ofWireName(String name) {
        Require.present(name, "state");
        for (SendState state : values()) {
            if (state.wireName().equals(name)) {
                return state;
            }
        }
        throw Require.invalid("state must be one of "
                + Arrays.stream(values()).map(SendState::wireName).collect(Collectors.joining(", "))
                + "; found '" + Require.abbreviate(name) + "'");
    }
}
