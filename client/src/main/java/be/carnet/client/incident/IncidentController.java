package be.carnet.client.incident;

import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.form.FieldError;
import be.carnet.client.web.KeptForm;
import be.carnet.client.web.LanguageController;
import be.carnet.client.web.Notice;
import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import be.carnet.protocol.report.Attachment;
import be.carnet.protocol.report.Incident;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The incident pages: the quick log, the form, drafts (edit, attach, mark ready, delete), the journal and
 * its entries, addenda, and the traveller's trip devices. Validates at the edge; {@link Drafts} and
 * {@link Journal} store.
 */
public final class IncidentController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IncidentController.class);

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    /**
     * How far ahead of now an incident time may be without a question: two days covers a wrong zone
     * (UTC−12 against UTC+14 is 26 hours) and a laptop clock a day off, and still catches a wrong year,
     * month or most wrong days.
     */
    static final java.time.Duration FUTURE_MARGIN = java.time.Duration.ofDays(2);
    /** The check box that confirms a time beyond {@link #FUTURE_MARGIN}. */
    static final String FUTURE_CONFIRMED = "futureConfirmed";
    private static final String FUTURE_RULE = "future";
    private final Journal journal;
    private final Drafts drafts;
    private final TripDevices devices;
    private final EnrolmentService enrolments;
    private final Pages pages;
    private final Clock clock;
    private final LastZone zones;

    public IncidentController(Journal journal, Drafts drafts, TripDevices devices, EnrolmentService enrolments,
                              Pages pages, Clock clock, LastZone zones) {
        this.journal = journal;
        this.drafts = drafts;
        this.devices = devices;
        this.enrolments = enrolments;
        this.pages = pages;
        this.clock = clock;
        this.zones = zones;
    }

    // ---- The form and the quick log

    /**
     * {@code GET /incidents/new}: empty, or with a form kept for this page (typed while Carnet was locked: shown
     * again, not saved; or refused before a language switch: shown again with its errors).
     */
    public void form(Context ctx) {
        // The zone last chosen, else the laptop's (which a script may replace by the browser's; see ZoneList).
        ZoneId zone = zones.current();
        IncidentInput blank = new IncidentInput("", "", "AMBER", now(zone), zone.getId(), null, "", "", "", "", null, "",
                "", "");
        Optional<KeptForm> kept = pages.restored(ctx);
        if (kept.isPresent()) {
            IncidentInput typed = restoredInput(kept.get(), blank);
            renderForm(ctx, HttpStatus.OK, typed, refusalsToShow(kept.get(), typed, devices.list(), ""), null);
            return;
        }
        renderForm(ctx, HttpStatus.OK, blank, List.of(), null);
    }

    /** {@code POST /incidents}: the full form; "save as draft" keeps it editable, the main button makes it ready. */
    public void create(Context ctx) {
        IncidentInput input = input(ctx::formParam);
        IncidentValidator.Result result = IncidentValidator.validate(input, devices.list(), "");
        if (!result.valid()) {
            renderForm(ctx, HttpStatus.BAD_REQUEST, input, result.errors(), null);
            return;
        }
        if (unconfirmedFuture(ctx, result)) {
            renderForm(ctx, HttpStatus.BAD_REQUEST, input, List.of(FieldError.of("occurredAt", FUTURE_RULE)), null);
            return;
        }
        if ("draft".equals(ctx.formParam("action"))) {
            String draftId = drafts.create(result.incident(), input.zone());
            zones.remember(input.zone());
            pages.redirect(ctx, Paths.draft(draftId), Notice.info("client.draft.saved"));
            return;
        }
        journal.save(result.incident(), input.zone());
        zones.remember(input.zone());
        pages.redirect(ctx, Paths.INCIDENTS, Notice.info("client.incident.saved"));
    }

    /**
     * {@code POST /incidents/quick}, from the bar on every page: category, one line and severity become a
     * draft at the current time; the traveller goes back to the page they were on.
     */
    public void quick(Context ctx) {
        ZoneId zone = zones.current();
        IncidentValidator.Result result = IncidentValidator.quick(ctx.formParam("category"), ctx.formParam("severity"),
                ctx.formParam("line"), now(zone), zone);
        if (!result.valid()) {
            IncidentInput typed = new IncidentInput(nullToEmpty(ctx.formParam("category")),
                    nullToEmpty(ctx.formParam("severity")), "AMBER", now(zone), zone.getId(), null, "", "",
                    nullToEmpty(ctx.formParam("line")), "", null, "", "", "");
            List<FieldError> errors = result.errors().stream()
                    .map(e -> e.field().equals("line") ? new FieldError("description", e.rule(), e.args()) : e).toList();
            renderForm(ctx, HttpStatus.BAD_REQUEST, typed, errors, null);
            return;
        }
        String draftId = drafts.create(result.incident(), zone.getId());
        pages.redirect(ctx, LanguageController.safeBack(ctx.formParam("back")),
                Notice.info("client.quick.saved"));
        LOG.debug("quick log kept as draft {}", draftId);
    }

    // ---- The journal

    public void list(Context ctx) {
        pages.render(ctx, "incident/list.jte", new IncidentListPage(pages.chrome(ctx), drafts.list(), journal.list()));
    }

    public void show(Context ctx) {
        JournalEntry entry = journal.entry(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
        JournalEntry amended = entry.isAddendum() ? journal.entry(entry.incident().amends()).orElse(null) : null;
        pages.render(ctx, "incident/show.jte", new IncidentPage(pages.chrome(ctx), entry, amended,
                journal.addendaOf(entry.reportId())));
    }

    /** {@code POST /incidents/{id}/addendum}: a draft that corrects the entry; the entry itself never changes. */
    public void addendum(Context ctx) {
        String draftId;
        try {
            draftId = drafts.addendum(ctx.pathParam("id"));
        } catch (DraftNotFoundException e) {
            throw new NotFoundResponse();
        }
        pages.redirect(ctx, Paths.draft(draftId), Notice.info("client.addendum.started"));
    }

    // ---- Drafts

    /** {@code GET /drafts/{id}}: the stored draft, or a form kept for this page (as for {@link #form}). */
    public void draft(Context ctx) {
        Draft draft = draftOf(ctx);
        Optional<KeptForm> kept = pages.restored(ctx);
        if (kept.isPresent()) {
            IncidentInput typed = restoredInput(kept.get(), inputOf(draft));
            renderForm(ctx, HttpStatus.OK, typed, refusalsToShow(kept.get(), typed, devicesWith(draft),
                    draft.fields().incident().amends()), draft);
            return;
        }
        renderForm(ctx, HttpStatus.OK, inputOf(draft), List.of(), draft);
    }

    /** {@code POST /drafts/{id}}: saves the draft; with {@code action=ready}, then makes it a journal entry. */
    public void saveDraft(Context ctx) {
        Draft draft = draftOf(ctx);
        IncidentInput input = input(ctx::formParam);
        IncidentValidator.Result result = IncidentValidator.validate(input, devicesWith(draft), draft.fields().incident().amends());
        if (!result.valid()) {
            renderForm(ctx, HttpStatus.BAD_REQUEST, input, result.errors(), draft);
            return;
        }
        if (unconfirmedFuture(ctx, result)) {
            renderForm(ctx, HttpStatus.BAD_REQUEST, input, List.of(FieldError.of("occurredAt", FUTURE_RULE)), draft);
            return;
        }
        drafts.update(draft.draftId(), result.incident(), input.zone());
        zones.remember(input.zone());
        if ("ready".equals(ctx.formParam("action"))) {
            String reportId = drafts.markReady(draft.draftId());
            pages.redirect(ctx, Paths.incident(reportId), Notice.info("client.draft.ready"));
            return;
        }
        pages.redirect(ctx, Paths.draft(draft.draftId()), Notice.info("client.draft.saved"));
    }

    public void deleteDraft(Context ctx) {
        Draft draft = draftOf(ctx);
        drafts.delete(draft.draftId());
        pages.redirect(ctx, Paths.INCIDENTS, Notice.info("client.draft.deleted"));
    }

    /**
     * {@code POST /drafts/{id}/attachments} (multipart): one file, sealed at once. The draft page sends its
     * fields with the file (one form, the "attach" button), so unsaved edits are not lost: when the fields are
     * valid they are saved with the file; when the file or the fields are refused, nothing changes and the
     * form comes back as typed, with the reason. A post without the fields (an older page) only attaches.
     */
    public void attach(Context ctx) {
        Draft draft = draftOf(ctx);
        boolean withFields = ctx.formParam("description") != null;
        IncidentInput typed = withFields ? input(ctx::formParam) : null;
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.filename() == null || file.filename().isEmpty()) {
            refuseAttachment(ctx, draft, typed, Notice.error("client.attachment.none"));
            return;
        }
        if (file.size() > Attachment.MAX_BYTES) {
            refuseAttachment(ctx, draft, typed,
                    Notice.error("client.attachment.tooLarge", Attachment.MAX_BYTES / (1024 * 1024)));
            return;
        }
        IncidentValidator.Result fields = null;
        if (withFields) {
            fields = IncidentValidator.validate(typed, devicesWith(draft), draft.fields().incident().amends());
            if (!fields.valid() || unconfirmedFuture(ctx, fields)) {
                List<FieldError> errors = fields.valid() ? List.of(FieldError.of("occurredAt", FUTURE_RULE)) : fields.errors();
                pages.notice(ctx, Notice.error("client.attachment.fieldsFirst"));
                renderForm(ctx, HttpStatus.BAD_REQUEST, typed, errors, draft);
                return;
            }
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(Attachment.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
        try {
            if (bytes.length > Attachment.MAX_BYTES) {
                refuseAttachment(ctx, draft, typed,
                        Notice.error("client.attachment.tooLarge", Attachment.MAX_BYTES / (1024 * 1024)));
                return;
            }
            try {
                drafts.attach(draft.draftId(), new Attachment(fileName(file.filename()), mediaType(file.contentType()), bytes));
            } catch (AttachmentRefusedException e) {
                refuseAttachment(ctx, draft, typed, Notice.error("client.attachment." + e.rule(), e.args().toArray()));
                return;
            }
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        if (fields != null) {
            drafts.update(draft.draftId(), fields.incident(), typed.zone());
            pages.redirect(ctx, Paths.draft(draft.draftId()), Notice.info("client.attachment.addedAndSaved"));
            return;
        }
        pages.redirect(ctx, Paths.draft(draft.draftId()), Notice.info("client.attachment.added"));
    }

    /** A refused file: the form comes back as typed (nothing saved) with the reason; without typed fields, the draft. */
    private void refuseAttachment(Context ctx, Draft draft, IncidentInput typed, Notice reason) {
        if (typed == null) {
            pages.redirect(ctx, Paths.draft(draft.draftId()), reason);
            return;
        }
        pages.notice(ctx, reason);
        renderForm(ctx, HttpStatus.BAD_REQUEST, typed, List.of(), draft);
    }

    /**
     * {@code POST /drafts/{id}/attachments/{n}/remove}: removes one file. Like "attach", the button belongs to the
     * draft's form: valid fields are saved with the removal; refused fields change nothing and come back as typed.
     */
    public void detach(Context ctx) {
        Draft draft = draftOf(ctx);
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        IncidentValidator.Result fields = null;
        IncidentInput typed = null;
        if (ctx.formParam("description") != null) {
            typed = input(ctx::formParam);
            fields = IncidentValidator.validate(typed, devicesWith(draft), draft.fields().incident().amends());
            if (!fields.valid() || unconfirmedFuture(ctx, fields)) {
                List<FieldError> errors = fields.valid() ? List.of(FieldError.of("occurredAt", FUTURE_RULE)) : fields.errors();
                pages.notice(ctx, Notice.error("client.attachment.fieldsFirstRemove"));
                renderForm(ctx, HttpStatus.BAD_REQUEST, typed, errors, draft);
                return;
            }
        }
        drafts.detach(draft.draftId(), index);
        if (fields != null) {
            drafts.update(draft.draftId(), fields.incident(), typed.zone());
        }
        pages.redirect(ctx, Paths.draft(draft.draftId()), Notice.info("client.attachment.removed"));
    }

    // ---- Trip devices

    /**
     * {@code GET /devices}; a device name typed while Carnet was locked comes back in the field, not added; a
     * refused one comes back after a language switch with its error.
     */
    public void devicesPage(Context ctx) {
        Optional<KeptForm> kept = pages.restored(ctx);
        String typed = kept.map(k -> nullToEmpty(k.first("deviceName"))).orElse("");
        FieldError error = kept.filter(k -> k.reason() == KeptForm.Reason.REFUSED)
                .flatMap(k -> devices.check(k.first("deviceName"))).orElse(null);
        pages.render(ctx, "incident/devices.jte", new DevicesPage(pages.chrome(ctx), devices.list(), typed, error));
    }

    public void addDevice(Context ctx) {
        String typed = ctx.formParam("deviceName");
        Optional<FieldError> error = devices.add(typed);
        if (error.isPresent()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            pages.keepRefused(ctx, Paths.DEVICES, Map.of("deviceName", List.of(nullToEmpty(typed))));
            pages.render(ctx, "incident/devices.jte", new DevicesPage(pages.chrome(ctx), devices.list(),
                    nullToEmpty(typed), error.get()));
            return;
        }
        pages.redirect(ctx, Paths.DEVICES, Notice.info("client.devices.added"));
    }

    public void removeDevice(Context ctx) {
        devices.remove(ctx.formParam("deviceName"));
        pages.redirect(ctx, Paths.DEVICES, Notice.info("client.devices.removed"));
    }

    // ---- Helpers

    private void renderForm(Context ctx, HttpStatus status, IncidentInput values, List<FieldError> errors, Draft draft) {
        ctx.status(status);
        if (status == HttpStatus.BAD_REQUEST && !"GET".equals(ctx.req().getMethod())) {
            // A language switch on this refused form shows it again, with its errors, in the new language.
            pages.keepRefused(ctx, draft == null ? Paths.NEW_INCIDENT : Paths.draft(draft.draftId()), fieldsOf(values));
        }
        List<String> choices = draft == null ? devices.list() : devicesWith(draft);
        var chrome = pages.chrome(ctx);
        ZoneList zoneList = ZoneList.build(chrome.t(), zones.remembered(), zones.system(),
                values.zone() == null ? "" : values.zone(), status == HttpStatus.OK && draft == null, clock.instant());
        pages.render(ctx, "incident/form.jte", new IncidentFormPage(chrome, values, errors, zoneList,
                enrolments.current().isPresent(), choices, draft));
    }

    private Draft draftOf(Context ctx) {
        return drafts.get(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
    }

    /** The traveller's devices, plus the draft's own if it has since been removed from the list. */
    private List<String> devicesWith(Draft draft) {
        List<String> list = devices.list();
        String own = draft.fields().incident().device();
        return own.isEmpty() || list.contains(own) ? list : Stream.concat(list.stream(), Stream.of(own)).toList();
    }

    /** The incident form's fields, read by name from a request or from a kept form. */
    private static IncidentInput input(Function<String, String> field) {
        return new IncidentInput(field.apply("category"), field.apply("severity"), field.apply("tlp"),
                field.apply("occurredAt"), field.apply("zone"), field.apply("approximate"), field.apply("place"),
                field.apply("device"), field.apply("description"), field.apply("actionsTaken"),
                field.apply("ongoing"), field.apply("outOfSightHours"), field.apply("outOfSightMinutes"),
                field.apply("accounts"));
    }

    /** The typed values as form fields (what a kept form holds). */
    private static Map<String, List<String>> fieldsOf(IncidentInput v) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        BiConsumer<String, String> put = (name, value) -> {
            if (value != null) {
                fields.put(name, List.of(value));
            }
        };
        put.accept("category", v.category());
        put.accept("severity", v.severity());
        put.accept("tlp", v.tlp());
        put.accept("occurredAt", v.occurredAt());
        put.accept("zone", v.zone());
        put.accept("approximate", v.approximate());
        put.accept("place", v.place());
        put.accept("device", v.device());
        put.accept("description", v.description());
        put.accept("actionsTaken", v.actionsTaken());
        put.accept("ongoing", v.ongoing());
        put.accept("outOfSightHours", v.outOfSightHours());
        put.accept("outOfSightMinutes", v.outOfSightMinutes());
        put.accept("accounts", v.accounts());
        return fields;
    }

    /**
     * A kept form as the incident form's values. Fields it did not carry keep {@code base}'s value, except the
     * check boxes (a form sends an unticked box as nothing); the quick log's one line becomes the description.
     */
    private static IncidentInput restoredInput(KeptForm kept, IncidentInput base) {
        if (kept.fields().containsKey("line") && !kept.fields().containsKey("description")) {
            return new IncidentInput(nullToEmpty(kept.first("category")), nullToEmpty(kept.first("severity")),
                    base.tlp(), base.occurredAt(), base.zone(), null, base.place(), base.device(),
                    nullToEmpty(kept.first("line")), base.actionsTaken(), null, base.outOfSightHours(),
                    base.outOfSightMinutes(), base.accounts());
        }
        return input(name -> switch (name) {
            case "approximate", "ongoing" -> kept.first(name);
            default -> kept.fields().containsKey(name) ? kept.first(name) : baseValue(base, name);
        });
    }

    private static String baseValue(IncidentInput base, String name) {
        return fieldsOf(base).getOrDefault(name, List.of("")).get(0);
    }

    /**
     * The errors to show with a kept form: none for one typed while locked (it was never checked); for a refused
     * one, the rules it broke, checked again so they read in the language now chosen.
     */
    private List<FieldError> refusalsToShow(KeptForm kept, IncidentInput typed, List<String> choices, String amends) {
        if (kept.reason() != KeptForm.Reason.REFUSED) {
            return List.of();
        }
        IncidentValidator.Result result = IncidentValidator.validate(typed, choices, amends);
        if (!result.valid()) {
            return result.errors();
        }
        java.time.Instant when = OffsetDateTime.parse(result.incident().occurredAt()).toInstant();
        return when.isAfter(clock.instant().plus(FUTURE_MARGIN)) ? List.of(FieldError.of("occurredAt", FUTURE_RULE))
                : List.of();
    }

    /** A stored draft as form values: its time shown in the zone the traveller chose (or their current one). */
    private IncidentInput inputOf(Draft draft) {
        Incident i = draft.fields().incident();
        String zoneId = draft.fields().zone().isEmpty() || !ZoneId.getAvailableZoneIds().contains(draft.fields().zone())
                ? zones.current().getId() : draft.fields().zone();
        String local;
        try {
            local = OffsetDateTime.parse(i.occurredAt()).atZoneSameInstant(ZoneId.of(zoneId)).toLocalDateTime()
                    .format(INPUT);
        } catch (DateTimeParseException e) {
            local = now(ZoneId.of(zoneId));
        }
        Integer minutes = i.outOfSightMinutes();
        return new IncidentInput(i.category().name(), i.severity().name(), i.tlp().name(), local, zoneId,
                i.approximate() ? "on" : null, i.place(), i.device(), i.description(), i.actionsTaken(),
                i.ongoing() ? "on" : null, minutes == null ? "" : String.valueOf(minutes / 60),
                minutes == null ? "" : String.valueOf(minutes % 60), i.accounts());
    }

    /**
     * True when the incident happened more than {@link #FUTURE_MARGIN} after now and the traveller has not
     * ticked "yes, this date is right": a typo in the year or month, asked about rather than refused.
     */
    private boolean unconfirmedFuture(Context ctx, IncidentValidator.Result result) {
        java.time.Instant when = java.time.OffsetDateTime.parse(result.incident().occurredAt()).toInstant();
        return when.isAfter(clock.instant().plus(FUTURE_MARGIN))
                && !IncidentInput.ticked(ctx.formParam(FUTURE_CONFIRMED));
    }

    private String now(ZoneId zone) {
        return LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MINUTES).format(INPUT);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The name to keep for an uploaded file: its last path segment, without the characters a name may not
     * hold ({@link Attachment#forbiddenInName}), at most {@link Attachment#MAX_NAME} characters (keeping the
     * extension); "file" if nothing is left.
     */
    static String fileName(String untrusted) {
        String name = untrusted.substring(Math.max(untrusted.lastIndexOf('/'), untrusted.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Attachment.forbiddenInName(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() > Attachment.MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            int cut = Attachment.MAX_NAME - extension.length();
            // Never cut an emoji in half: a lone surrogate cannot be signed (formats.md 2.2).
            if (Character.isHighSurrogate(name.charAt(cut - 1))) {
                cut--;
            }
            name = name.substring(0, cut).strip() + extension;
        }
        return Attachment.validName(name) ? name : "file";
    }

    /** The browser's media type, lowercased and without parameters; octet-stream when it is not one. */
    static String mediaType(String untrusted) {
        if (untrusted == null) {
            return Attachment.UNKNOWN_TYPE;
        }
        String type = untrusted.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Attachment.validMediaType(type) ? type : Attachment.UNKNOWN_TYPE;
    }
}
