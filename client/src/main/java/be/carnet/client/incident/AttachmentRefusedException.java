package be.carnet.client.incident;

import java.util.List;

/**
 * An attachment that breaks a rule (too large, too many, a bad name); nothing was stored. Carries the
 * message key and its arguments for the traveller's language.
 */
public final class AttachmentRefusedException extends RuntimeException {

    private final String rule;
    private final List<Object> args;

    public AttachmentRefusedException(String rule, Object... args) {
        super("attachment refused: " + rule);
        this.rule = rule;
        this.args = List.of(args);
    }

    /** The rule's key under {@code client.rule.}. */
    public String rule() {
        return rule;
    }

    public List<Object> args() {
        return args;
    }
}
