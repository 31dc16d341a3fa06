package be.carnet.protocol.report;

/**
 * Incident categories a non-expert recognises on site (content-brief §7.1), each mapped to ENISA's
 * Reference Security Incident Taxonomy for CSIRTs. Labels live in the i18n catalogues
 * ({@code category.T01.label}).
 */
public enum Category {
    T01("information-content-security:data-loss"),
    T02("information-content-security:unauthorised-information-access"),
    T03("intrusions:burglary"),
    T04("fraud:phishing"),
    T05("intrusion-attempts:brute-force"),
    T06("malicious-code:infected-system"),
    T07("information-gathering:sniffing"),
    T08("malicious-code:infected-system"),
    T09("information-gathering:social-engineering"),
    T10("information-gathering:social-engineering"),
    T11("other:other"),
    T12("other:other"),
    T13("information-content-security:unauthorised-information-access"),
    T99("other:undetermined");

    private final String rsit;

    Category(String rsit) {
        this.rsit = rsit;
    }

    /** The RSIT class:type the category maps to. */
    public String rsit() {
        return rsit;
    }

    /** The category for {@code code}, or a {@link IllegalArgumentException} naming the rule. */
    public static Category parse(String code) {
        for (Category c : values()) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("category must be one of T01–T13 or T99");
    }
}
