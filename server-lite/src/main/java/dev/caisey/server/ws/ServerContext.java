package dev.caisey.server.ws;

import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.protocol.AccessEntries;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.record.protocol.ClientInvited;
import dev.caisey.record.protocol.EndpointPresence;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.ShareCreate;
import dev.caisey.record.protocol.ShareCreated;
import dev.caisey.record.protocol.ShareRevoke;
import dev.caisey.server.audit.AccessLog;
import dev.caisey.server.auth.Accounts;
import dev.caisey.server.auth.AgentAuthenticator;
import dev.caisey.server.auth.Endpoint;
import dev.caisey.server.auth.Endpoints;
import dev.caisey.server.auth.Enrollment;
import dev.caisey.server.auth.Organisations;
import dev.caisey.server.auth.SessionTokens;
import dev.caisey.server.auth.ShareTokens;
import dev.caisey.server.clients.ClientPasses;
import dev.caisey.server.clients.JoinCodes;
import dev.caisey.server.mail.ClientAddresses;
import dev.caisey.server.mail.ReportDelivery;
import dev.caisey.server.sessions.Participant;
import dev.caisey.server.sessions.SessionCatalog;
import dev.caisey.server.sessions.SessionCommands;
import dev.caisey.server.sessions.SessionState;
import dev.caisey.server.sessions.Sessions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The server's services as the connection channels see them, and the few reactions that span several of them: an
 * agent coming back joins its open sessions and gets their pending commands; an agent going away leaves them.
 *
 * @param clock the server's clock
 * @param accounts console accounts
 * @param tokens console sign-in tokens
 * @param organisations client organisations
 * @param endpoints enrolled endpoints
 * @param enrollment enrollment tokens
 * @param agentAuthenticator agent challenges
 * @param sessions every session's sequencer
 * @param catalog the list of sessions consoles sync
 * @param commands what participants can do to sessions
 * @param agentLinks the connected agents
 * @param joinCodes the clients' join codes
 * @param passes the client passes the join codes are exchanged for
 * @param company the support company's name, shown on the client's page
 * @param shares the share links
 * @param presence listeners of endpoint presence (one per signed-in console)
 * @param openSessions the open sessions of each endpoint
 * @param baseUrl the server's public https address, for join links (known once the port is open)
 * @param accessLog who exported, e-mailed or shared which record
 * @param clientAddresses where each organisation's reports go
 * @param reportDelivery e-mails reports, retrying until they are sent
 */
public record ServerContext(
        Clock clock,
        Accounts accounts,
        SessionTokens tokens,
        Organisations organisations,
        Endpoints endpoints,
        Enrollment enrollment,
        AgentAuthenticator agentAuthenticator,
        Sessions sessions,
        SessionCatalog catalog,
        SessionCommands commands,
        AgentLinks agentLinks,
        JoinCodes joinCodes,
        ClientPasses passes,
        String company,
        ShareTokens shares,
        Set<Consumer<EndpointPresence>> presence,
        ConcurrentHashMap<String, Set<String>> openSessions,
        Supplier<String> baseUrl,
        AccessLog accessLog,
        ClientAddresses clientAddresses,
        ReportDelivery reportDelivery) {

    private static final System.Logger LOG = System.getLogger(ServerContext.class.getName());

    /** A new set for presence listeners, safe to iterate while consoles come and go. */
    public static Set<Consumer<EndpointPresence>> presenceListeners() {
        return new CopyOnWriteArraySet<>();
    }

    void requireReader(Participant who, String session) {
        Participant.requireReader(who, sessions.state(session));
    }

    ClientInvited invite(Participant who, String session) {
        SessionState state = sessions.state(session);
        Participant.requireTechnician(who, state);
        if (state.closed()) {
            throw new dev.caisey.server.ServerException(
                    dev.caisey.record.ErrorCode.CONFLICT, "This session is closed; there is nothing to invite to.");
        }
        JoinCodes.Invitation invitation = joinCodes.invite(session);
        long expiresAt = Micros.of(invitation.expiresAt());
        return new ClientInvited(session, invitation.code(), baseUrl.get() + "/join/" + invitation.code(), expiresAt);
    }

    /** A read-only link to a closed session, for someone who may read it. */
    ShareCreated share(Participant.Staff who, ShareCreate request) {
        SessionState state = sessions.state(request.session());
        Participant.requireReader(who, state);
        if (!state.closed()) {
            throw new dev.caisey.server.ServerException(
                    dev.caisey.record.ErrorCode.CONFLICT,
                    "Close the session first; a share link shows a finished record.");
        }
        ShareTokens.NewShare share = shares.create(
                request.session(),
                who.principal(),
                java.time.Duration.ofSeconds(request.expiresInSeconds()),
                clock.instant());
        long expiresAt = Micros.of(share.expiresAt());
        accessLog.record(
                who.principal(),
                AccessAction.SHARE_CREATED,
                request.session(),
                "share link " + share.id() + ", valid until " + share.expiresAt());
        return new ShareCreated(share.id(), baseUrl.get() + "/share/" + share.token(), expiresAt);
    }

    /** Stops a share link of a session the caller may read. */
    void unshare(Participant.Staff who, ShareRevoke request) {
        AtomicReference<String> revoked = new AtomicReference<>();
        shares.revoke(
                request.id(),
                session -> {
                    try {
                        Participant.requireReader(who, sessions.state(session));
                        revoked.set(session);
                        return true;
                    } catch (dev.caisey.server.ServerException refused) {
                        return false;
                    }
                },
                clock.instant());
        accessLog.record(who.principal(), AccessAction.SHARE_REVOKED, revoked.get(), "share link " + request.id());
    }

    /** E-mails a closed session's report to its organisation's addresses, for someone who may hand it out. */
    ReportSendStatus sendReport(Participant.Staff who, String session) {
        SessionState state = sessions.state(session);
        Participant.requireRecordKeeper(who, state);
        if (!state.closed()) {
            throw new dev.caisey.server.ServerException(
                    dev.caisey.record.ErrorCode.CONFLICT,
                    "Close the session first; the report tells a finished session.");
        }
        List<String> recipients = clientAddresses.of(state.organisation().id());
        if (recipients.isEmpty()) {
            throw new dev.caisey.server.ServerException(
                    dev.caisey.record.ErrorCode.CONFLICT,
                    state.organisation().name() + " has no e-mail address for reports; an administrator adds one"
                            + " with caisey-server admin org-set-email.");
        }
        return reportDelivery.request(who.principal(), session, recipients);
    }

    /** A session's access log, for someone who may hand its record out. */
    AccessEntries accessEntries(Participant.Staff who, String session) {
        Participant.requireRecordKeeper(who, sessions.state(session));
        List<AccessEntry> entries = accessLog.forSession(session, AccessEntries.MAX_ENTRIES + 1);
        boolean more = entries.size() > AccessEntries.MAX_ENTRIES;
        return new AccessEntries(session, more ? entries.subList(1, entries.size()) : entries, more);
    }

    void sessionOpened(SessionState state) {
        openSessions
                .computeIfAbsent(state.endpoint().id(), e -> ConcurrentHashMap.newKeySet())
                .add(state.session());
    }

    void sessionClosed(SessionState state) {
        passes.endSession(state.session());
        Set<String> open = openSessions.get(state.endpoint().id());
        if (open != null) {
            open.remove(state.session());
        }
    }

    void agentArrived(Endpoint endpoint) {
        Participant agent = new Participant.Agent(endpoint);
        for (String session : openSessions.getOrDefault(endpoint.id(), Set.of())) {
            commands.joined(agent, session, "agent " + endpoint.agentVersion() + " reconnected")
                    .thenRun(() -> commands.resend(session))
                    .exceptionally(failure -> logged("record an agent's return", failure));
        }
    }

    void agentLeft(Endpoint endpoint, String reason) {
        Participant agent = new Participant.Agent(endpoint);
        for (String session : openSessions.getOrDefault(endpoint.id(), Set.of())) {
            commands.left(agent, session, reason).exceptionally(failure -> logged("record an agent leaving", failure));
        }
    }

    private static <T> T logged(String what, Throwable failure) {
        LOG.log(Level.WARNING, "could not " + what, failure);
        return null;
    }
}
