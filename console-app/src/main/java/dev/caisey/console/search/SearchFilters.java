package dev.caisey.console.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The filters of the search screen as state: the choices of each drop-down, what is chosen, and the day range. It
 * turns them, with the words, into a {@link SearchQuery}, a day range covering both days whole in the screen's zone.
 * Kept apart from {@link SearchViewModel} so the screen's model stays about searching and opening. Properties change
 * only on the UI thread; {@code changed} runs after a person changed a filter, not when the choices were replaced.
 */
public final class SearchFilters {
    private final ZoneId zone;
    private final Runnable changed;
    private final ObservableList<FilterChoice> organisations = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> endpoints = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> technicians = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> outcomes = FXCollections.observableArrayList(FilterChoice.outcomes());
    private final ObjectProperty<FilterChoice> organisation = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice> endpoint = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice> technician = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice> outcome = new SimpleObjectProperty<>(outcomes.get(0));
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
    private boolean quiet;

    SearchFilters(ZoneId zone, Runnable changed) {
        this.zone = zone;
        this.changed = changed;
        show(SearchFacets.NONE);
        List.of(organisation, endpoint, technician, outcome, fromDay, toDay)
                .forEach(filter -> filter.addListener((o, was, is) -> {
                    if (!quiet) {
                        changed.run();
                    }
                }));
    }

    /** Replaces the drop-downs' choices, keeping what is chosen where it is still there. */
    void show(SearchFacets f) {
        quietly(() -> {
            choose(organisations, organisation, FilterChoice.organisations(f.organisations()));
            choose(endpoints, endpoint, FilterChoice.names("Any endpoint", f.endpoints()));
            choose(technicians, technician, FilterChoice.names("Any technician", f.technicians()));
        });
    }

    private static void choose(
            ObservableList<FilterChoice> list, ObjectProperty<FilterChoice> chosen, List<FilterChoice> fresh) {
        FilterChoice kept = FilterChoice.keep(fresh, chosen.get());
        list.setAll(fresh);
        chosen.set(kept);
    }

    /** Puts every filter back to "any", then reports one change. */
    public void clear() {
        quietly(() -> {
            organisation.set(organisations.get(0));
            endpoint.set(endpoints.get(0));
            technician.set(technicians.get(0));
            outcome.set(outcomes.get(0));
            fromDay.set(null);
            toDay.set(null);
        });
        changed.run();
    }

    private void quietly(Runnable step) {
        quiet = true;
        try {
            step.run();
        } finally {
            quiet = false;
        }
    }

    /** The question for {@code text} under these filters, at most {@code limit} hits. */
    SearchQuery query(String text, int limit) {
        Instant from =
                fromDay.get() == null ? null : fromDay.get().atStartOfDay(zone).toInstant();
        Instant to = toDay.get() == null
                ? null
                : toDay.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new SearchQuery(
                text,
                key(organisation),
                key(endpoint),
                key(technician),
                from,
                to,
                FilterChoice.outcome(outcome.get()),
                limit);
    }

    private static String key(ObjectProperty<FilterChoice> choice) {
        return choice.get() == null ? null : choice.get().keyOrNull();
    }

    public ObservableList<FilterChoice> organisations() {
        return organisations;
    }

    public ObservableList<FilterChoice> endpoints() {
        return endpoints;
    }

    public ObservableList<FilterChoice> technicians() {
        return technicians;
    }

    public ObservableList<FilterChoice> outcomes() {
        return outcomes;
    }

    public ObjectProperty<FilterChoice> organisation() {
        return organisation;
    }

    public ObjectProperty<FilterChoice> endpoint() {
        return endpoint;
    }

    public ObjectProperty<FilterChoice> technician() {
        return technician;
    }

    public ObjectProperty<FilterChoice> outcome() {
        return outcome;
    }

    public ObjectProperty<LocalDate> fromDay() {
        return fromDay;
    }

    public ObjectProperty<LocalDate> toDay() {
        return toDay;
    }
}
