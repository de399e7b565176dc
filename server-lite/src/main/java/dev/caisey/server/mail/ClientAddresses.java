package dev.caisey.server.mail;

import dev.caisey.record.ErrorCode;
import dev.caisey.report.ReportException;
import dev.caisey.report.mail.ReportMail;
import dev.caisey.report.mail.SmtpSettings;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.Organisations;
import dev.caisey.server.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The e-mail addresses of each client organisation, where its session reports go ({@code admin org-add --email},
 * {@code admin org-set-email}). Addresses are checked when they are set, so a report never waits on a typo.
 */
public final class ClientAddresses {
    private final Database database;
    private final Organisations organisations;

    /** Addresses in {@code database} of the organisations in {@code organisations}. */
    public ClientAddresses(Database database, Organisations organisations) {
        this.database = database;
        this.organisations = organisations;
    }

    /**
     * Replaces an organisation's addresses (an empty list removes them all).
     *
     * @throws ServerException {@code NOT_FOUND} for an unknown organisation, {@code INVALID} for an address that is
     *     not one, or too many of them
     */
    public List<String> set(String organisationId, List<String> addresses) {
        organisations.get(organisationId);
        List<String> checked = new ArrayList<>();
        try {
            for (String address : new LinkedHashSet<>(addresses)) {
                checked.add(SmtpSettings.address(address, "e-mail address"));
            }
        } catch (ReportException e) {
            throw new ServerException(ErrorCode.INVALID, e.getMessage());
        }
        if (checked.size() > ReportMail.MAX_RECIPIENTS) {
            throw new ServerException(
                    ErrorCode.INVALID,
                    "An organisation has at most " + ReportMail.MAX_RECIPIENTS + " report addresses.");
        }
        return MailSql.durably(database, "keep the organisation's e-mail addresses", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM organisation_emails WHERE organisation_id = ?")) {
                s.setString(1, organisationId);
                s.executeUpdate();
            }
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO organisation_emails (organisation_id, address) VALUES (?, ?)")) {
                for (String address : checked) {
                    s.setString(1, organisationId);
                    s.setString(2, address);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return List.copyOf(checked);
        });
    }

    /** An organisation's addresses, in alphabetical order (none if it has none). */
    public List<String> of(String organisationId) {
        return MailSql.read(database, "read the organisation's e-mail addresses", c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT address FROM organisation_emails WHERE organisation_id = ? ORDER BY address")) {
                s.setString(1, organisationId);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        found.add(row.getString(1));
                    }
                }
            }
            return found;
        });
    }
}
