package be.carnet.protocol.report;

/** Traffic Light Protocol 2.0 marking; Carnet's default is {@link #AMBER}. */
public enum Tlp {
    CLEAR, GREEN, AMBER, AMBER_STRICT, RED;

    /** The marking as written in reports and exports, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return "TLP:" + name().replace('_', '+');
    }

    public static Tlp parse(String code) {
        for (Tlp t : values()) {
            if (t.name().equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("tlp must be one of CLEAR, GREEN, AMBER, AMBER_STRICT, RED");
    }
}
