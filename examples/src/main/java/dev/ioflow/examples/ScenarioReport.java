package dev.ioflow.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.emarsys.ContactData;
import dev.ioflow.emarsys.EmarsysException;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboundRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a {@link ScenarioResult} for people: what was sent (each change as Emarsys contact fields), the monitoring
 * records (one per delivery attempt), the contacts read back from Emarsys, and the verdict.
 *
 * @since 0.1
 */
public final class ScenarioReport {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream out;

    /** A report written to {@code out}. */
    public ScenarioReport(PrintStream out) {
        this.out = out;
    }

    /** Prints every table and the verdict. */
    public void print(ScenarioResult result) {
        out.println();
        out.println("What was sent to Emarsys (one row per change; field ids: 3 e-mail, 1 first name, 2 last name, "
                + result.mapping().keyFieldId() + " customerID, the key):");
        TextTable sent = TextTable.withColumns("Change", "Key", "Contact fields sent", "Result");
        result.finalRecords().forEach(r -> sent.row(r.changeType(), r.integrationKey(), contactFields(result, r), r.status()));
        out.print(sent.render());
        out.println();
        out.println("Monitoring records (OutboundRequest, one per delivery attempt):");
        TextTable monitoring = TextTable.withColumns("#", "Status", "Change", "IO", "Key", "Destination", "Attempt",
                "HTTP", "Detail");
        result.records().forEach(r -> monitoring.row(r.id(), r.status(), r.changeType(), r.integrationObject(),
                r.integrationKey(), r.destinationId(), r.attempt(), r.httpStatus(), r.detail()));
        out.print(monitoring.render());
        out.println();
        printContactsAfter(result);
        out.println();
        out.println(result.allDelivered()
                ? "Result: all changes delivered (" + result.finalRecords().size() + ")."
                : "Result: NOT all changes were delivered (" + result.deadLetters() + " dead letters"
                        + (result.idle() ? "" : ", some still pending") + ").");
    }

    private void printContactsAfter(ScenarioResult result) {
        ContactData data = result.contactsAfter();
        if (data == null) {
            out.println("Contacts could not be read back from Emarsys: " + result.readBackProblem());
            return;
        }
        String key = Integer.toString(result.mapping().keyFieldId());
        out.println("Contacts in Emarsys afterwards (read back by customerID):");
        TextTable contacts = TextTable.withColumns("customerID (" + key + ")", "E-mail (3)", "First name (1)", "Last name (2)");
        data.contacts().forEach(c -> contacts.row(c.get(key), c.get("3"), c.get("1"), c.get("2")));
        out.print(contacts.render());
        data.errors().keySet().stream().sorted().forEach(k -> out.println("  " + k + ": no such contact"));
    }

    private String contactFields(ScenarioResult result, OutboundRequest record) {
        if (record.payload() == null) {
            return null;
        }
        try {
            var payload = mapper.readTree(record.payload());
            if (record.changeType() == ChangeType.DELETED) {
                return "delete " + result.mapping().keyFieldId() + "=" + result.mapping().keyValue(payload);
            }
            Map<Integer, String> contact = result.mapping().toContact(payload);
            return contact.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        } catch (IOException | EmarsysException e) {
            return "(payload not readable: " + e.getMessage() + ")";
        }
    }
}
