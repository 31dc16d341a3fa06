package be.carnet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.carnet.client.vault.Vault;
import be.carnet.client.web.Access;
import be.carnet.client.web.Paths;
import io.javalin.security.RouteRole;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RouteRolesTest {

    static Stream<Arguments> whereEachRoleGoesInEachVaultState() {
        return Stream.of(
                Arguments.of(Access.OPEN, Vault.State.ABSENT, null),
                Arguments.of(Access.OPEN, Vault.State.LOCKED, null),
                Arguments.of(Access.ANY_STATE, Vault.State.LOCKED, null),
                Arguments.of(Access.NO_VAULT, Vault.State.ABSENT, null),
                Arguments.of(Access.NO_VAULT, Vault.State.LOCKED, Paths.HOME),
                Arguments.of(Access.NO_VAULT, Vault.State.UNLOCKED, Paths.HOME),
                Arguments.of(Access.LOCKED, Vault.State.ABSENT, Paths.SETUP),
                Arguments.of(Access.LOCKED, Vault.State.LOCKED, null),
                Arguments.of(Access.LOCKED, Vault.State.UNLOCKED, Paths.HOME),
                Arguments.of(Access.VAULT, Vault.State.ABSENT, Paths.SETUP),
                Arguments.of(Access.VAULT, Vault.State.LOCKED, null),
                Arguments.of(Access.VAULT, Vault.State.UNLOCKED, null),
                Arguments.of(Access.UNLOCKED, Vault.State.ABSENT, Paths.SETUP),
                Arguments.of(Access.UNLOCKED, Vault.State.LOCKED, Paths.UNLOCK),
                Arguments.of(Access.UNLOCKED, Vault.State.UNLOCKED, null));
    }

    @ParameterizedTest(name = "{0} when {1} → {2}")
    @MethodSource("whereEachRoleGoesInEachVaultState")
    void aRequestInTheWrongVaultStateIsSentWhereItCanGo(Access access, Vault.State state, String expected) {
        assertEquals(expected, WebServer.States.elsewhere(access, state));
    }

    @Test
    void aRouteWithoutAnAccessRoleIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Access.of(Set.of()));

        assertEquals("a route was registered without an access role", e.getMessage());
    }

    @Test
    void aRouteWithTwoAccessRolesIsRefused() {
        Set<RouteRole> two = Set.of(Access.OPEN, Access.UNLOCKED);

        assertThrows(IllegalStateException.class, () -> Access.of(two));
    }
}
