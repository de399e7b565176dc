package dev.caisey.record.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.caisey.record.event.Require;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a console user's account may do on the server. Written in lower case: {@code "technician"}. */
public enum AccountRole {
    /** Opens sessions and runs commands on the endpoints of their organisations. */
    TECHNICIAN,
    /** Reads every session of their organisation, exports and shares records; runs no commands. */
    MANAGER,
    /** Manages accounts, client organisations, enrollment tokens and server settings. */
    ADMINISTRATOR;

    /** The wire form, e.g. {@code "manager"}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role for its wire form.
     *
     * @throws dev.caisey.record.RecordException with {@link dev.caisey.record.ErrorCode#INVALID} listing the roles
     */
    @JsonCreator
    public static AccountRole ofWireName(String name) {
        Require.present(name, "role");
        for (AccountRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw Require.invalid("role must be one of "
                + Arrays.stream(values()).map(AccountRole::wireName).collect(Collectors.joining(", "))
                + "; found '" + Require.abbreviate(name) + "'");
    }
}
