package be.carnet.client.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import be.carnet.client.form.FieldError;
import be.carnet.protocol.report.Category;
import be.carnet.protocol.report.Incident;
import be.carnet.protocol.report.Severity;
import be.carnet.protocol.report.Tlp;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentValidatorTest {

    private static final IncidentInput VALID = new IncidentInput("T04", "S2", "AMBER", "2026-12-03T14:30",
            "Asia/Shanghai", "Hôtel, chambre 1204", "Un QR code sur le menu menait vers une fausse page.");

    @Test
    void turnsAValidFormIntoAnIncidentWithTheOffsetOfItsZone() {
        IncidentValidator.Result result = IncidentValidator.validate(VALID);

        assertEquals(new Incident(Category.T04, Severity.S2, Tlp.AMBER, "2026-12-03T14:30+08:00", "Hôtel, chambre 1204",
                "Un QR code sur le menu menait vers une fausse page."), result.incident());
        assertEquals(List.of(), result.errors());
    }

    @Test
    void dropsSecondsAndUsesSummerTimeInBrussels() {
        IncidentValidator.Result result = IncidentValidator.validate(with(VALID,
                i -> new IncidentInput(i.category(), i.severity(), i.tlp(), "2026-07-01T09:05:59", "Europe/Brussels",
                        i.place(), i.description())));

        assertEquals("2026-07-01T09:05+02:00", result.incident().occurredAt());
    }

    @Test
    void keepsLineBreaksAndTabsInTheDescriptionAsLineFeeds() {
        IncidentValidator.Result result = IncidentValidator.validate(with(VALID,
                i -> new IncidentInput(i.category(), i.severity(), i.tlp(), i.occurredAt(), i.zone(), "  Gare  ",
                        "ligne 1\r\nligne 2\r\tfin")));

        assertEquals("ligne 1\nligne 2\n\tfin", result.incident().description());
        assertEquals("Gare", result.incident().place());
    }

    @Test
    void anEmptyPlaceIsAllowed() {
        IncidentValidator.Result result = IncidentValidator.validate(with(VALID,
                i -> new IncidentInput(i.category(), i.severity(), i.tlp(), i.occurredAt(), i.zone(), null,
                        i.description())));

        assertEquals("", result.incident().place());
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                row("category missing", i -> input(i, "category", null), "category", "required"),
                row("unknown category", i -> input(i, "category", "T14"), "category", "oneOf", "T01–T13, T99"),
                row("category in lower case", i -> input(i, "category", "t01"), "category", "oneOf", "T01–T13, T99"),
                row("script as category", i -> input(i, "category", "<script>alert(1)</script>"), "category", "oneOf",
                        "T01–T13, T99"),
                row("unknown severity", i -> input(i, "severity", "S5"), "severity", "oneOf", "S0–S4"),
                row("TLP label instead of code", i -> input(i, "tlp", "TLP:AMBER"), "tlp", "oneOf",
                        "TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED"),
                row("no date", i -> input(i, "occurredAt", ""), "occurredAt", "required"),
                row("30 February", i -> input(i, "occurredAt", "2026-02-30T10:00"), "occurredAt", "dateTime"),
                row("month 13", i -> input(i, "occurredAt", "2026-13-01T10:00"), "occurredAt", "dateTime"),
                row("25 o'clock", i -> input(i, "occurredAt", "2026-12-01T25:00"), "occurredAt", "dateTime"),
                row("space instead of T", i -> input(i, "occurredAt", "2026-12-01 10:00"), "occurredAt", "dateTime"),
                row("date with offset", i -> input(i, "occurredAt", "2026-12-01T10:00+01:00"), "occurredAt",
                        "dateTime"),
                row("unknown zone", i -> input(i, "zone", "Mars/Olympus_Mons"), "zone", "zone"),
                row("path as zone", i -> input(i, "zone", "../../etc/passwd"), "zone", "zone"),
                row("no zone", i -> input(i, "zone", " "), "zone", "required"),
                row("place of 201 characters", i -> input(i, "place", "p".repeat(201)), "place", "maxLength", 200),
                row("NUL in place", i -> input(i, "place", "Hôtel\u0000"), "place", "controlCharacters"),
                row("line break in place", i -> input(i, "place", "Hôtel\nGare"), "place", "controlCharacters"),
                row("right-to-left override in place", i -> input(i, "place", "Hôtel \u202Etxt.exe"), "place",
                        "controlCharacters"),
                row("description of 10,001 characters", i -> input(i, "description", "d".repeat(10_001)),
                        "description", "maxLength", 10_000),
                row("blank description", i -> input(i, "description", " \r\n\t "), "description", "required"),
                row("bell in description", i -> input(i, "description", "ding\u0007"), "description",
                        "controlCharacters"),
                row("C1 control in description", i -> input(i, "description", "x\u009bx"), "description",
                        "controlCharacters"),
                row("isolate in description", i -> input(i, "description", "x\u2066x"), "description",
                        "controlCharacters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusesHostileInputNamingTheFieldAndTheRule(String what, UnaryOperator<IncidentInput> change,
                                                    FieldError expected) {
        IncidentValidator.Result result = IncidentValidator.validate(change.apply(VALID));

        assertNull(result.incident());
        assertEquals(List.of(expected), result.errors());
    }

    @Test
    void aScriptPayloadIsOrdinaryTextThatTheTemplateEscapes() {
        IncidentValidator.Result result = IncidentValidator.validate(input(VALID, "description",
                "<script>alert('x')</script>"));

        assertEquals("<script>alert('x')</script>", result.incident().description());
    }

    @Test
    void reportsEveryBrokenRuleAtOnceInFieldOrder() {
        IncidentValidator.Result result = IncidentValidator.validate(new IncidentInput(null, "S9", "", "demain",
                "Asia/Shanghai", "x".repeat(300), ""));

        assertEquals(List.of(FieldError.of("category", "required"), FieldError.of("severity", "oneOf", "S0–S4"),
                FieldError.of("tlp", "required"), FieldError.of("occurredAt", "dateTime"),
                FieldError.of("place", "maxLength", 200), FieldError.of("description", "required")), result.errors());
    }

    private static Arguments row(String what, UnaryOperator<IncidentInput> change, String field, String rule,
                                 Object... args) {
        return Arguments.of(what, change, FieldError.of(field, rule, args));
    }

    private static IncidentInput with(IncidentInput input, UnaryOperator<IncidentInput> change) {
        return change.apply(input);
    }

    private static IncidentInput input(IncidentInput i, String field, String value) {
        return new IncidentInput(
                field.equals("category") ? value : i.category(),
                field.equals("severity") ? value : i.severity(),
                field.equals("tlp") ? value : i.tlp(),
                field.equals("occurredAt") ? value : i.occurredAt(),
                field.equals("zone") ? value : i.zone(),
                field.equals("place") ? value : i.place(),
                field.equals("description") ? value : i.description());
    }
}
