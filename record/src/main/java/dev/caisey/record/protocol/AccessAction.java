package dev.caisey.record.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.caisey.record.event.Require;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What someone did with a session's record, as the server's access log keeps it ("audit the auditors"). Written in
 * lower case: {@code "share_created"}.
 */
public enum AccessAction {
    /** The server handed out the record or its report (a download, an export). */
    EXPORT,
    /** Someone asked for the report to be e-mailed to the client. */
    EMAIL_REQUESTED,
    /** The report was e-mailed; the detail names the recipients. */
    EMAIL_SENT,
    /** E-mailing the report failed for good; the detail says why. */
    EMAIL_FAILED,
    /** A share link was made; the detail names its id (never its token). */
    SHARE_CREATED,
    /** A share link was opened. */
    SHARE_VIEWED,
    /** A share link was revoked. */
    SHARE_REVOKED;

    /** The wire form, e.g. {@code "email_sent"}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The action for its wire form.
     *
     * @throws dev.caisey.record.RecordException with {@link dev.caisey.record.ErrorCode#INVALID} listing the actions
     */
    @JsonCreator
    public static AccessAction ofWireName(String name) {
        Require.present(name, "action");
        for (AccessAction action : values()) {
            if (action.wireName().equals(name)) {
                return action;
            }
        }
        throw Require.invalid("action must be one of "
                + Arrays.stream(values()).map(AccessAction::wireName).collect(Collectors.joining(", "))
                + "; found '" + Require.abbreviate(name) + "'");
    }
}
