package be.carnet.client.form;

import java.util.List;

/**
 * One broken rule of a form field, for the page to say in the traveller's language: the field's label
 * is {@code field.FIELD}, the rule's sentence {@code rule.RULE} with {@code args}, joined by
 * {@code error.field}. Plain data, free of any web type, so validators can make it.
 *
 * @param field the form field name
 * @param rule the rule key
 * @param args the rule's placeholders (a limit, a list of allowed values)
 */
public record FieldError(String field, String rule, List<Object> args) {

    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String rule, Object... args) {
        return new FieldError(field, rule, List.of(args));
    }
}
