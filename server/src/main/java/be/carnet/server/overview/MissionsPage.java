package be.carnet.server.overview;

import be.carnet.server.mission.Mission;

import be.carnet.server.web.Layout;
import java.util.List;

/**
 * The list of missions, with the creation form for admins.
 *
 * @param layout the page frame
 * @param missions every mission, newest first
 * @param error the localized error of the last creation attempt, or {@code null}
 * @param name the name typed in that attempt
 * @param destination the destination typed in that attempt
 */
public record MissionsPage(Layout layout, List<Mission> missions, String error, String name, String destination) {
}
