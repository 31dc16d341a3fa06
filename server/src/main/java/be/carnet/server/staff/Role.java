package be.carnet.server.staff;

import java.util.Locale;

/** What a staff member may do: an admin runs missions, an analyst reads reports. */
public enum Role {
    /** Creates missions, issues enrolment codes, publishes bundles, and reads reports. */
    ADMIN,
    /** Reads missions and reports. */
    ANALYST;

    /** The name stored in the database: {@code admin} or {@code analyst}. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a stored name. */
    public static Role fromStored(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
