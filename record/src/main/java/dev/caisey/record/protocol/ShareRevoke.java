package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code share.revoke}: a console stops a share link from working.
 *
 * @param id the link's id from {@link ShareCreated}
 */
public record ShareRevoke(String id) implements Message {
    /** Validates every member. */
    public ShareRevoke {
        Require.id(id, "id");
    }
}
