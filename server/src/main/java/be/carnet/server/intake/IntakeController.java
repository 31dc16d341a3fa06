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
        // The body is already in memory, read as it arrived and counted in the report room (limits.BodyGate).
        byte[] receipt = intake.receive(ctx.pathParam(Paths.REPORT_ID), Bodies.read(ctx, IntakeService.MAX_SEALED_BYTES));
        ctx.contentType("application/json").result(receipt);
    }
}
