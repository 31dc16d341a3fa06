package be.carnet.server.report;

import be.carnet.server.mission.Mission;
import be.carnet.server.web.Layout;

/**
 * One report, every field.
 *
 * @param layout the page frame
 * @param mission its mission
 * @param report the report
 */
public record ReportPage(Layout layout, Mission mission, ReportDetail report) {
}
