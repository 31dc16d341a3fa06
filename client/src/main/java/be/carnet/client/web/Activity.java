package be.carnet.client.web;

/**
 * Told of every request that passed the guard, so a policy above the web layer (the idle lock) can see
 * the traveller is there. Called on the request's thread; must be quick and thread-safe.
 */
@FunctionalInterface
public interface Activity {

    void seen();
}
