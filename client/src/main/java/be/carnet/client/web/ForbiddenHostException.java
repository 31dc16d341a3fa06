package be.carnet.client.web;

/** A request whose Host header is not one of the loopback names of this server (DNS rebinding). */
public final class ForbiddenHostException extends RuntimeException {

    ForbiddenHostException() {
        super("the Host header is not an allowed loopback name of this server");
    }
}
