package be.carnet.server.web;

/** Every path the server answers, in one place. Path parameters are named {@code {missionId}}, {@code {reportId}} and {@code {position}}. */
public final class Paths {

    public static final String ROOT = "/";
    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";
    public static final String LANGUAGE = "/language";
    public static final String STYLESHEET = "/static/app.css";
    public static final String MISSIONS = "/missions";
    public static final String MISSION = "/missions/{missionId}";
    public static final String MISSION_CODES = "/missions/{missionId}/codes";
    public static final String MISSION_BUNDLES = "/missions/{missionId}/bundles";
    public static final String MISSION_REPORT = "/missions/{missionId}/reports/{reportId}";
    public static final String MISSION_REPORT_ATTACHMENT = "/missions/{missionId}/reports/{reportId}/attachments/{position}";

    public static final String API_PREFIX = "/api/";
    public static final String API_HEALTH = "/api/v1/health";
    public static final String API_AGENCY = "/api/v1/agency";
    public static final String API_ENROL = "/api/v1/enrol";
    public static final String API_ENROL_CONFIRM = "/api/v1/enrol/confirm";
    public static final String API_BUNDLE = "/api/v1/missions/{missionId}/bundle";
    public static final String API_REPORT = "/api/v1/reports/{reportId}";

    public static final String MISSION_ID = "missionId";
    public static final String REPORT_ID = "reportId";
    public static final String POSITION = "position";

    private Paths() {
    }

    /** The page of mission {@code missionId}. */
    public static String mission(String missionId) {
        return "/missions/" + missionId;
    }

    /** The page of report {@code reportId} of mission {@code missionId}. */
    public static String report(String missionId, String reportId) {
        return "/missions/" + missionId + "/reports/" + reportId;
    }

    /** True for the device API, which has no cookies and no CSRF tokens. */
    public static boolean isApi(String path) {
        return path.startsWith(API_PREFIX);
    }
}
