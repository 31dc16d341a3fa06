package be.carnet.i18n;

/** A message key that a catalogue lacks: a bug, caught by the catalogue tests. */
public class MissingMessageException extends RuntimeException {

    public MissingMessageException(String key, Language language) {
        super("message " + key + " is missing from the " + language.code() + " catalogue");
    }
}
