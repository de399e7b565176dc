package dev.caisey.console.search;

import java.util.List;

/**
 * The values the search can be narrowed by, for the filter drop-downs: every organisation, endpoint and technician
 * that occurs in the index, sorted by name.
 *
 * @param organisations the organisations, with their ids (the filter's key)
 * @param endpoints endpoint host names
 * @param technicians technician names
 */
public record SearchFacets(List<OrganisationChoice> organisations, List<String> endpoints, List<String> technicians) {
    /** No values at all (an empty index). */
    public static final SearchFacets NONE = new SearchFacets(List.of(), List.of(), List.of());

    /** An organisation to choose: its id and its name. */
    public record OrganisationChoice(String id, String name) {}

    /** Copies the lists. */
    public SearchFacets {
        organisations = List.copyOf(organisations);
        endpoints = List.copyOf(endpoints);
        technicians = List.copyOf(technicians);
    }
}
