package be.carnet.protocol.age;

import java.util.List;

/**
 * One recipient stanza of an age header: {@code -> type arg…} and its body.
 *
 * @param type the stanza type, e.g. {@code X25519}
 * @param args its arguments
 * @param body the decoded body
 */
public record Stanza(String type, List<String> args, byte[] body) {

    public Stanza {
        args = List.copyOf(args);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
