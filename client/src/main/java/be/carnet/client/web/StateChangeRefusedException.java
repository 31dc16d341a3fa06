package be.carnet.client.web;

/** A state-changing request that failed the Origin, Sec-Fetch-Site or CSRF check; nothing was changed. */
public final class StateChangeRefusedException extends RuntimeException {

    StateChangeRefusedException(String rule) {
        super("state change refused: " + rule);
    }
}
