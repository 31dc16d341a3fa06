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
        byte[] receipt = intake.receive(ctx.pathParam(Paths.REPORT_ID), ctx.req().getContentLengthLong(),
                maxBytes -> Bodies.read(ctx, maxBytes));
        ctx.contentType("application/json").result(receipt);
    }
}
