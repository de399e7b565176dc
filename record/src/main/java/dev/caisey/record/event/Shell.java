package dev.caisey.record.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The interpreter a command runs in. Written in lower case. */
public enum Shell {
    /** PowerShell on Windows: {@code pwsh} if present, else {@code powershell.exe}. */
    POWERSHELL,
    /** {@code /bin/sh -c} on Linux and macOS. */
    SH;

    /** The wire form, in lower case. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for its wire form. */
    @JsonCreator
    public static Shell ofWireName(String name) {
        return WireNames.of(Shell.class, name, "shell");
    }
}
