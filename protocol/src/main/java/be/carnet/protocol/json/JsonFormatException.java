package be.carnet.protocol.json;

/** A document that breaks a rule of Carnet's JSON formats; the message names the rule. */
public class JsonFormatException extends RuntimeException {

    public JsonFormatException(String message) {
        super(message);
    }

    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
