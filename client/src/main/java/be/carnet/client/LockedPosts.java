package be.carnet.client;

import be.carnet.client.web.Paths;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What happens to a form sent to an unlocked-only route while the vault is locked (the idle lock fired
 * while the traveller was typing): per route, the page to come back to after the unlock and the fields
 * kept to show there again. Nothing is ever re-sent: the traveller checks and sends again. Text of the
 * incident forms and the device name are kept; passphrases, enrolment codes and the actions themselves
 * (sync, delete, remove, verify, tick) are not: after the unlock a notice says that action was not done.
 * A file in an upload is never kept. Listed here, beside the route table, because it names every route.
 */
final class LockedPosts {

    /** Every field of the incident form and the draft form (the CSRF token and the button are left out). */
    static final Set<String> INCIDENT_FIELDS = Set.of("category", "severity", "tlp", "occurredAt", "zone",
            "approximate", "place", "device", "description", "actionsTaken", "ongoing", "outOfSightHours",
            "outOfSightMinutes", "accounts", "futureConfirmed");
    static final Set<String> QUICK_FIELDS = Set.of("category", "severity", "line");
    static final Set<String> DEVICE_FIELDS = Set.of("deviceName");

    private static final String ID = "([A-Za-z0-9-]{1,64})";

    /** Where to go back and what to keep for one route. */
    record Plan(String returnPath, Set<String> fields) {
    }

    private record Rule(Pattern path, String returnTo, Set<String> fields) {
        Plan plan(Matcher m) {
            return new Plan(returnTo.replace("ID", m.groupCount() > 0 ? m.group(1) : ""), fields);
        }
    }

    private static final List<Rule> RULES = List.of(
            rule("/incidents", Paths.NEW_INCIDENT, INCIDENT_FIELDS),
            rule("/incidents/quick", Paths.NEW_INCIDENT, QUICK_FIELDS),
            rule("/incidents/" + ID + "/addendum", "/incidents/ID", Set.of()),
            rule("/drafts/" + ID, "/drafts/ID", INCIDENT_FIELDS),
            rule("/drafts/" + ID + "/attachments", "/drafts/ID", INCIDENT_FIELDS),
            rule("/drafts/" + ID + "/delete", "/drafts/ID", Set.of()),
            rule("/drafts/" + ID + "/attachments/[0-9]{1,4}/remove", "/drafts/ID", Set.of()),
            rule("/devices", Paths.DEVICES, DEVICE_FIELDS),
            rule("/devices/remove", Paths.DEVICES, Set.of()),
            rule("/journal/verify", Paths.INCIDENTS, Set.of()),
            rule("/sync", Paths.SYNC, Set.of()),
            rule("/enrol", Paths.ENROL, Set.of()),
            rule("/settings(/[a-z-]+){0,2}", Paths.SETTINGS, Set.of()));

    private LockedPosts() {
    }

    private static Rule rule(String regex, String returnTo, Set<String> fields) {
        return new Rule(Pattern.compile(regex), returnTo, fields);
    }

    /** The plan for a POST to {@code path}: the page it belongs to and the fields to keep; home and nothing by default. */
    static Plan plan(String path) {
        for (Rule rule : RULES) {
            Matcher m = rule.path().matcher(path);
            if (m.matches()) {
                return rule.plan(m);
            }
        }
        return new Plan(Paths.HOME, Set.of());
    }

    /** The fields of {@code ctx}'s form that {@code plan} keeps, in the order sent. */
    static Map<String, List<String>> fields(Context ctx, Plan plan) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        if (plan.fields().isEmpty()) {
            return kept;
        }
        ctx.formParamMap().forEach((name, values) -> {
            if (plan.fields().contains(name)) {
                kept.put(name, List.copyOf(values));
            }
        });
        return kept;
    }

    /** Whether the request carried a chosen file (which is not kept). */
    static boolean carriedFile(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            return false;
        }
        return ctx.uploadedFiles().stream().map(UploadedFile::filename).anyMatch(n -> n != null && !n.isEmpty());
    }
}
