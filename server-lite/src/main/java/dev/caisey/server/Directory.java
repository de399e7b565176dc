package dev.caisey.server;

import dev.caisey.server.auth.Endpoint;
import dev.caisey.server.auth.Endpoints;
import dev.caisey.server.auth.Organisation;
import dev.caisey.server.auth.Organisations;
import dev.caisey.server.sessions.SessionCommands;
import dev.caisey.server.ws.AgentLinks;

/** What session commands look up about endpoints and organisations, answered from the database and the live links. */
record Directory(Endpoints endpoints, Organisations organisations, AgentLinks links)
        implements SessionCommands.Directory {
    @Override
    public Endpoint endpoint(String endpointId) {
        return endpoints.find(endpointId).orElse(null);
    }

    @Override
    public Organisation organisation(String organisationId) {
        return organisations.find(organisationId).orElse(null);
    }

    @Override
    public boolean online(String endpointId) {
        return links.online(endpointId);
    }
}
