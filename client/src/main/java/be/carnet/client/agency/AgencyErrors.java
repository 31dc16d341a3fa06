package be.carnet.client.agency;

import java.util.Locale;

/** The message key that tells the traveller what an agency failure means and what to do. */
public final class AgencyErrors {

    private AgencyErrors() {
    }

    /** {@code client.agency.error.unreachable}, {@code …code_rejected} and so on. */
    public static String key(AgencyException.Kind kind) {
        return "client.agency.error." + kind.name().toLowerCase(Locale.ROOT);
    }
}
