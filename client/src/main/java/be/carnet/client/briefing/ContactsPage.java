package be.carnet.client.briefing;

import be.carnet.client.web.Chrome;
import be.carnet.protocol.briefing.MissionProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The emergency-contacts card.
 *
 * @param chrome the page frame
 * @param installed whether a bundle is installed (the card comes with it)
 * @param profile the mission's contacts, or null when the bundle has no mission profile
 * @param publicContacts the public Belgian contacts briefing in the reader's language (or its fallback), or null
 */
public record ContactsPage(Chrome chrome, boolean installed, MissionProfile profile,
                           BriefingLibrary.Shown publicContacts) {

    /**
     * One contact of the mission with the message key of its role.
     *
     * @param roleKey the message key naming the role
     * @param role the role's id, for the element id
     * @param contact the contact
     */
    public record Entry(String roleKey, String role, MissionProfile.Contact contact) {
    }

    /** The mission's contacts in card order: duty officer, security officer, embassy. */
    public List<Entry> missionContacts() {
        List<Entry> entries = new ArrayList<>();
        if (profile == null) {
            return entries;
        }
        for (MissionProfile.Role role : MissionProfile.Role.values()) {
            profile.contact(role).ifPresent(c -> entries.add(new Entry("client.contacts.role." + role.key(), role.key(), c)));
        }
        return entries;
    }
}
