package be.carnet.protocol.report;

/** Severity S0 (information) to S4 (critical), content-brief §7.2. */
public enum Severity {
    S0, S1, S2, S3, S4;

    public static Severity parse(String code) {
        for (Severity s : values()) {
            if (s.name().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("severity must be one of S0–S4");
    }
}
