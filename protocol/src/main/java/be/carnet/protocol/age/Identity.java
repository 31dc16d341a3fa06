package be.carnet.protocol.age;

import java.util.List;

/** A secret that may unwrap an age file key. */
public interface Identity {

    /**
     * Returns the file key if one of {@code stanzas} is for this identity, or {@code null} if none is.
     *
     * @throws AgeException if a stanza is for this identity but malformed or fails to open
     */
    byte[] unwrap(List<Stanza> stanzas);
}
