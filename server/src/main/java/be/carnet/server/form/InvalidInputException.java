package be.carnet.server.form;

import java.util.List;

/**
 * Input from staff that breaks a named rule; nothing was stored. Carries the field and the rule as
 * message keys so the web layer can say it in the staff member's language, and an English message
 * for logs and tests.
 */
public class InvalidInputException extends RuntimeException {

    private final String fieldKey;
    private final String ruleKey;
    private final List<Object> ruleArgs;

    /**
     * @param fieldKey message key of the field's label, e.g. {@code field.mission.name}
     * @param ruleKey message key of the rule, e.g. {@code rule.length}
     * @param englishMessage the same rule in English, naming the field and the limit, never the value
     * @param ruleArgs the rule's placeholders ({@code {0}}…), never a secret
     */
    public InvalidInputException(String fieldKey, String ruleKey, String englishMessage, Object... ruleArgs) {
        super(englishMessage);
        this.fieldKey = fieldKey;
        this.ruleKey = ruleKey;
        this.ruleArgs = List.of(ruleArgs);
    }

    public String fieldKey() {
        return fieldKey;
    }

    public String ruleKey() {
        return ruleKey;
    }

    public Object[] ruleArgs() {
        return ruleArgs.toArray();
    }
}
