package be.carnet.client.web;

/** Every path the local server answers, in one place (the route table in {@link WebServer} uses these). */
public final class Paths {

    public static final String HOME = "/";
    public static final String LAUNCH = "/launch";
    public static final String STYLESHEET = "/static/carnet.css";
    public static final String STRENGTH_SCRIPT = "/static/strength.js";
    public static final String ZONE_SCRIPT = "/static/zone.js";
    public static final String PASSPHRASE_STRENGTH = "/passphrase/strength";
    public static final String STATIC_PREFIX = "/static/";
    public static final String LANGUAGE = "/language";
    public static final String SETUP = "/setup";
    public static final String UNLOCK = "/unlock";
    public static final String LOCK = "/lock";
    public static final String WIPE = "/wipe";
    public static final String SETTINGS = "/settings";
    public static final String SETTINGS_PASSPHRASE = "/settings/passphrase";
    public static final String SETTINGS_IDLE_LOCK = "/settings/idle-lock";
    public static final String SETTINGS_DURESS = "/settings/duress";
    public static final String SETTINGS_DURESS_REMOVE = "/settings/duress/remove";
    public static final String ENROL = "/enrol";
    public static final String BRIEFING = "/briefings/{id}";
    public static final String BRIEFINGS_UPDATE = "/briefings-update";
    public static final String BRIEFINGS_CHANGES_DISMISS = "/briefings-changes/dismiss";
    public static final String CHECKLIST = "/checklist";
    public static final String SEARCH = "/search";
    public static final String CONTACTS = "/contacts";
    public static final String INCIDENTS = "/incidents";
    public static final String NEW_INCIDENT = "/incidents/new";
    public static final String QUICK_LOG = "/incidents/quick";
    public static final String INCIDENT = "/incidents/{id}";
    public static final String INCIDENT_ADDENDUM = "/incidents/{id}/addendum";
    public static final String DRAFT = "/drafts/{id}";
    public static final String DRAFT_DELETE = "/drafts/{id}/delete";
    public static final String DRAFT_ATTACHMENTS = "/drafts/{id}/attachments";
    public static final String DRAFT_DETACH = "/drafts/{id}/attachments/{n}/remove";
    public static final String DEVICES = "/devices";
    public static final String DEVICES_REMOVE = "/devices/remove";
    public static final String JOURNAL_VERIFY = "/journal/verify";
    public static final String SYNC = "/sync";

    private Paths() {
    }

    /** The page of one journal entry. */
    public static String incident(String reportId) {
        return "/incidents/" + reportId;
    }

    private static final java.util.regex.Pattern DRAFT_UPLOAD =
            java.util.regex.Pattern.compile("/drafts/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/attachments");

    /** The draft page an upload path ({@code /drafts/ID/attachments}) belongs to, or null for any other path. */
    public static String draftOfUpload(String path) {
        java.util.regex.Matcher m = DRAFT_UPLOAD.matcher(path == null ? "" : path);
        return m.matches() ? draft(m.group(1)) : null;
    }

    /** The page of one draft. */
    public static String draft(String draftId) {
        return "/drafts/" + draftId;
    }

    /** The path of one briefing's page. */
    public static String briefing(String id) {
        return "/briefings/" + id;
    }
}
