package be.carnet.client.agency;

import java.net.URI;

/** Makes the {@link Agency} for a server address; the app uses {@link HttpAgency}, tests may use another. */
@FunctionalInterface
public interface AgencyConnector {

    Agency connect(URI server);
}
