package be.carnet.protocol.age;

/**
 * An scrypt stanza whose work factor is above what the reader accepts, refused before any scrypt work: the file
 * may well open with the passphrase, but this reader will not spend the memory and time it asks for.
 */
public class ScryptWorkFactorException extends AgeException {

    private final int workFactor;
    private final int maximum;

    public ScryptWorkFactorException(int workFactor, int maximum) {
        super("the scrypt work factor " + workFactor + " is too high: this reader accepts at most " + maximum);
        this.workFactor = workFactor;
        this.maximum = maximum;
    }

    /** The file's work factor, log2 of scrypt's N. */
    public int workFactor() {
        return workFactor;
    }

    /** The largest work factor the reader accepts. */
    public int maximum() {
        return maximum;
    }
}
