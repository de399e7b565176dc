package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code share.created}: the new link (shown once; the server keeps only its hash) and the id to revoke it by.
 *
 * @param id the link's id, for {@link ShareRevoke}
 * @param url the link to hand to the client or auditor
 * @param expiresAt when it stops working, UTC microseconds
 */
public record ShareCreated(String id, String url, long expiresAt) implements Message {
    /** Validates every member. */
    public ShareCreated {
        Require.id(id, "id");
        Checks.url(url, "url");
        Require.nonNegative(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "ShareCreated[id=" + id + ", url=" + Checks.REDACTED + ", expiresAt=" + expiresAt + "]";
    }
}
