package be.carnet.server.staff;

/**
 * An authenticated staff member.
 *
 * @param username their login name
 * @param role what they may do
 */
public record StaffMember(String username, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
