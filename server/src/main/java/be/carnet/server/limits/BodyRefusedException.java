package be.carnet.server.limits;

/** A request body that {@link BodyGate} refused before the application read it; answered without reading more. */
public class BodyRefusedException extends RuntimeException {

    private final BodyGate.Refusal refusal;

    public BodyRefusedException(BodyGate.Refusal refusal) {
        super(switch (refusal) {
            case TOO_LARGE -> "the request body is larger than this endpoint accepts";
            case BUSY -> "the server is holding too many request bodies at once; retry later";
            case TOO_SLOW -> "the request body arrived too slowly; send it again";
        });
        this.refusal = refusal;
    }

    public BodyGate.Refusal refusal() {
        return refusal;
    }
}
