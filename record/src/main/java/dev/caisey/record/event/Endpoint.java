package dev.caisey.record.event;

import dev.caisey.record.Limits;

/**
 * The endpoint a session works on, as enrolled.
 *
 * @param id the endpoint's id on the server
 * @param name its host name as a person knows it ("PRN-ACCT-01")
 * @param os its operating system as the agent reported it ("Windows 11 Pro 23H2")
 */
public record Endpoint(String id, String name, String os) {
    /** Validates every member. */
    public Endpoint {
        Require.id(id, "endpoint.id");
        Require.text(name, "endpoint.name", Limits.MAX_SHORT_TEXT_CHARS);
        Require.text(os, "endpoint.os", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
