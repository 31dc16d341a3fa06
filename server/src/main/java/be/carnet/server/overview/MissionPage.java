package be.carnet.server.overview;

import be.carnet.server.mission.Mission;

import be.carnet.server.bundle.PublishedBundle;
import be.carnet.server.enrolment.Device;
import be.carnet.server.enrolment.IssuedCode;
import be.carnet.server.report.ReportSummary;
import be.carnet.server.web.Layout;
import java.time.Instant;
import java.util.List;

/**
 * One mission: its recipient, travellers, codes, bundle and reports.
 *
 * @param layout the page frame
 * @param mission the mission
 * @param devices its enrolled devices
 * @param codes the codes issued for it
 * @param bundle its latest bundle, or {@code null}
 * @param reports its reports in log order
 * @param issuedCode a code just issued, shown this once, or {@code null}
 * @param issuedAlias the traveller that code is for, or {@code null}
 * @param agencyFingerprint the agency signing key's fingerprint, grouped
 * @param error the localized error of the last form, or {@code null}
 * @param now the time the page was made, to tell expired codes
 */
public record MissionPage(Layout layout, Mission mission, List<Device> devices, List<IssuedCode> codes,
                          PublishedBundle bundle, List<ReportSummary> reports, String issuedCode, String issuedAlias,
                          String agencyFingerprint, String error, Instant now) {
}
