package dev.caisey.server.sessions;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.Role;
import dev.caisey.record.protocol.AccountRole;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.Endpoint;
import dev.caisey.server.auth.Principal;

/**
 * Who is asking, as the server has established it: a signed-in account, a client who joined one session with a code,
 * or an authenticated agent. Every rule about who may do what to a session is written here, once.
 */
public sealed interface Participant {

    /** The actor this participant's events are attributed to. */
    Actor actor();

    /** A signed-in technician, manager or administrator. */
    record Staff(Principal principal) implements Participant {
        @Override
        public Actor actor() {
            return new Actor(Role.TECHNICIAN, principal.userId(), principal.displayName());
        }
    }

    /** The person at the endpoint, scoped to the one session their code opened. */
    record Client(String clientId, String name, String session) implements Participant {
        @Override
        public Actor actor() {
            return new Actor(Role.CLIENT, clientId, name);
        }
    }

    /** The agent of an enrolled endpoint. */
    record Agent(Endpoint endpoint) implements Participant {
        @Override
        public Actor actor() {
            return new Actor(Role.AGENT, endpoint.agentId(), endpoint.hostname());
        }
    }

    /**
     * Requires a technician who may work on the session's organisation.
     *
     * @throws ServerException with {@link ErrorCode#FORBIDDEN} otherwise
     */
    public static Staff requireTechnician(Participant who, SessionState state) {
        if (who instanceof Staff staff
                && staff.principal().role() == AccountRole.TECHNICIAN
                && staff.principal().mayAccess(state.organisation().id())) {
            return staff;
        }
        if (who instanceof Staff staff
                && staff.principal().mayAccess(state.organisation().id())) {
            throw new ServerException(
                    ErrorCode.FORBIDDEN, "Your account can read this session but only a technician can act in it.");
        }
        throw notYours();
    }

    /**
     * Requires the client who joined this session.
     *
     * @throws ServerException with {@link ErrorCode#FORBIDDEN} otherwise
     */
    static Client requireClient(Participant who, SessionState state) {
        if (who instanceof Client client && client.session().equals(state.session())) {
            return client;
        }
        throw who instanceof Client
                ? notYours()
                : new ServerException(ErrorCode.FORBIDDEN, "Only the client can answer this.");
    }

    /**
     * Requires someone who may read the session: staff of its organisation or its client.
     *
     * @throws ServerException with {@link ErrorCode#NOT_FOUND} otherwise, so nobody learns that it exists
     */
    public static void requireReader(Participant who, SessionState state) {
        boolean allowed = switch (who) {
            case Staff staff -> staff.principal().mayAccess(state.organisation().id());
            case Client client -> client.session().equals(state.session());
            case Agent agent -> false;
        };
        if (!allowed) {
            throw notYours();
        }
    }

    /**
     * Requires a staff member who may read records of an organisation (the rule of {@link #requireReader} for staff).
     *
     * @throws ServerException {@link ErrorCode#NOT_FOUND} otherwise, so a record of another organisation looks absent
     */
    public static void requireStaffReader(Principal who, String organisationId) {
        if (!who.mayAccess(organisationId)) {
            throw notYours();
        }
    }

    /**
     * Requires someone who may hand a session's record to others (e-mail it, read who did): the technician who opened
     * it, or a manager or administrator of its organisation. Never a client or an agent.
     *
     * @throws ServerException {@link ErrorCode#NOT_FOUND} for a session the caller may not read, {@link
     *     ErrorCode#FORBIDDEN} for another technician
     */
    public static Staff requireRecordKeeper(Participant who, SessionState state) {
        requireReader(who, state);
        if (!(who instanceof Staff staff)) {
            throw notYours();
        }
        if (staff.principal().role() == AccountRole.TECHNICIAN
                && !staff.principal().userId().equals(state.technician().id())) {
            throw new ServerException(
                    ErrorCode.FORBIDDEN,
                    "Only the technician who worked on this session, a manager or an administrator can do this.");
        }
        return staff;
    }

    /** The refusal for a session of someone else: it looks like no session at all. */
    public static ServerException notYours() {
        return new ServerException(ErrorCode.NOT_FOUND, "There is no such session, or it is not one of yours.");
    }
}
