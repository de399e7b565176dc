package dev.caisey.record.protocol;

import dev.caisey.record.Limits;

/**
 * The wire protocol's version. Its limits (frame size, token lengths, list sizes) are in {@link Limits}, beside the
 * record's, so every number is in one place.
 */
public final class Protocol {
    /** The protocol version every frame carries as {@code v}; a frame with any other version is refused. */
    public static final int VERSION = 1;

    private Protocol() {}
}
