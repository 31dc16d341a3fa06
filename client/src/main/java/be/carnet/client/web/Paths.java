package be.carnet.client.web;

import be.carnet.protocol.Randomness;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    private static final int OPAQUE_BYTES = 12;
    /** Drawn once per process and never changed or written anywhere (see {@link #opaque}). */
    private static final byte[] ADDRESS_KEY = Randomness.bytes(32);

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

    /**
     * The path of one briefing's page: {@code /briefings/} and an opaque name, never the briefing's id (ids
     * are the agency's words, such as {@code china}, and the browser keeps every address in its history).
     */
    public static String briefing(String id) {
        return "/briefings/" + opaque("briefing", id);
    }

    /** True when {@code untrustedName} (from a briefing page's path) is the opaque name of briefing {@code id}. */
    public static boolean namesBriefing(String untrustedName, String id) {
        return untrustedName != null && MessageDigest.isEqual(untrustedName.getBytes(StandardCharsets.UTF_8),
                opaque("briefing", id).getBytes(StandardCharsets.UTF_8));
    }

    /** The element id, and the address fragment, of one checklist item: opaque, like the briefing's path. */
    public static String checklistItem(String itemId) {
        return "item-" + opaque("item", itemId);
    }

    /**
     * 96 bits of HMAC-SHA256 of {@code kind} and {@code value} under a key drawn at start and kept in memory
     * only, in lowercase hex: stable while the app runs, meaningless in a browser's history, and different
     * after every restart.
     */
    private static String opaque(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ADDRESS_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, OPAQUE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
    }
}
