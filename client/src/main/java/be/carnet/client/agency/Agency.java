package be.carnet.client.agency;

/**
 * The agency server, as the traveller's app sees it (docs/http-api.md). Every call is made only because
 * the traveller pressed a button; nothing here runs on its own.
 *
 * <p>Answers are untrusted bytes: callers verify them with the protocol classes before using them.
 */
public interface Agency {

    /** {@code GET /api/v1/agency}: the untrusted announcement of the agency's signing key. */
    byte[] announcement() throws AgencyException;

    /**
     * {@code POST /api/v1/enrol}: sends the signed request, returns the untrusted offer envelope. Spends
     * nothing at the agency.
     */
    byte[] offer(byte[] signedRequest) throws AgencyException;

    /**
     * {@code POST /api/v1/enrol/confirm}: sends the signed confirmation, which spends the code, and returns
     * the untrusted answer envelope.
     */
    byte[] confirm(byte[] signedConfirmation) throws AgencyException;

    /** {@code GET /api/v1/missions/{id}/bundle}: the untrusted bundle file. */
    byte[] fetchBundle(String missionId) throws AgencyException;

    /** {@code POST /api/v1/reports/{id}}: sends sealed bytes, returns the untrusted receipt envelope. */
    byte[] sendReport(String reportId, byte[] sealedReport) throws AgencyException;
}
