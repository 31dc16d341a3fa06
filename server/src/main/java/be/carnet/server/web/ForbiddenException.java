package be.carnet.server.web;

/** A staff request refused by a security rule (CSRF, cross-site, role); answered with 403 and nothing changes. */
public class ForbiddenException extends RuntimeException {

    private final String messageKey;

    /**
     * @param messageKey what to tell the staff member, e.g. {@code error.csrf}
     * @param englishMessage the rule, for logs and tests
     */
    public ForbiddenException(String messageKey, String englishMessage) {
        super(englishMessage);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
