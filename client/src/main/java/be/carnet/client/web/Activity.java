package be.carnet.client.web;

/**
 * Told of every request that passed the guard, so a policy above the web layer (the idle lock) can see
 * the traveller is there and never acts under a request still being served. Called on the request's
 * thread; must be quick and thread-safe.
 */
public interface Activity {

    /**
     * A request starts being handled: a lock that is due happens now, before it is served; after that it
     * counts as in flight until {@link #end} is called with the returned token.
     *
     * @return the token that ends this request; never null
     */
    Object begin();

    /** The request {@code token} came from has been answered (or failed); a second call with it does nothing. */
    void end(Object token);
}
