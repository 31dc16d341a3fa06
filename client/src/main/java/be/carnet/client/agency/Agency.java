package be.carnet.client.agency;

/**
 * The agency server, as the traveller's app sees it (docs/http-api.md). Every call is made only because
 * the traveller pressed a button; nothing here runs on its own.
 *
 * <p>Answers are untrusted bytes: callers verify them with the protocol classes before using them.
 */
public interface Agency {

    /** {@code POST /api/v1/enrol}: sends the signed request, returns the untrusted answer envelope. */
    byte[] enrol(byte[] signedRequest) throws AgencyException;

    /** {@code GET /api/v1/missions/{id}/bundle}: the untrusted bundle file. */
    byte[] fetchBundle(String missionId) throws AgencyException;

    /** {@code POST /api/v1/reports/{id}}: sends sealed bytes, returns the untrusted receipt envelope. */
    byte[] sendReport(String reportId, byte[] sealedReport) throws AgencyException;
}
