package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;

/**
 * {@code client.joined}: the client's page is bound to one session, either as the answer to {@link ClientJoin} or,
 * for a browser that brought its client pass cookie, sent unasked as the first frame once the WebSocket is open. The
 * page may now {@link SessionSubscribe subscribe} to this one session, chat in it and answer its approvals.
 *
 * <p>The optional members tell the page who it is dealing with, so the person at the endpoint can see who is working
 * on their computer and on whose behalf before anything happens.
 *
 * @param session the session the code or pass opened
 * @param technician the technician's display name ("Dana Whitfield"), or {@code null}
 * @param company the name of the support company the technician works for ("Northwind IT Services"), or {@code null}
 * @param endpoint the computer's name ("PRN-ACCT-01"), or {@code null}
 * @param client how the client is shown in the record ("Maria Lopez"), or {@code null}
 */
public record ClientJoined(String session, String technician, String company, String endpoint, String client)
        implements Message {
    /** Validates every member; all but {@code session} are optional. */
    public ClientJoined {
        Require.id(session, "session");
        Require.optionalText(technician, "technician", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalText(company, "company", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalText(endpoint, "endpoint", Limits.MAX_SHORT_TEXT_CHARS);
        Require.optionalText(client, "client", Limits.MAX_SHORT_TEXT_CHARS);
    }

    /** The answer naming only the session. */
    public ClientJoined(String session) {
        this(session, null, null, null, null);
    }
}
