package be.carnet.server.intake;

import be.carnet.server.web.Bodies;
import be.carnet.server.web.Paths;
import io.javalin.http.Context;

/** {@code POST /api/v1/reports/{reportId}}: a sealed report in, a signed receipt out. I/O only. */
public final class IntakeController {

    private final IntakeService intake;

    public IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    public void receive(Context ctx) {
        byte[] untrustedSealed = Bodies.read(ctx, IntakeService.MAX_SEALED_BYTES);
        byte[] receipt = intake.receive(ctx.pathParam(Paths.REPORT_ID), untrustedSealed);
        ctx.contentType("application/json").result(receipt);
    }
}
