package be.carnet.client.enrolment;

import be.carnet.client.agency.AgencyErrors;
import be.carnet.client.form.FieldError;
import be.carnet.client.web.Notice;
import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import be.carnet.protocol.enrol.EnrolmentCode;
import be.carnet.protocol.enrol.EnrolmentException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The enrolment page. Validates the typed address and code, calls {@link EnrolmentService}, then
 * hands over to {@link AfterEnrolment}, which downloads the briefings at once (the traveller asked for
 * both with one button).
 */
public final class EnrolmentController {

    private final EnrolmentService enrolments;
    private final AfterEnrolment afterEnrolment;
    private final Pages pages;

    public EnrolmentController(EnrolmentService enrolments, AfterEnrolment afterEnrolment, Pages pages) {
        this.enrolments = enrolments;
        this.afterEnrolment = afterEnrolment;
        this.pages = pages;
    }

    public void form(Context ctx) {
        EnrolPage.Status status = enrolments.current().map(EnrolPage.Status::of).orElse(null);
        pages.render(ctx, "enrolment/enrol.jte", new EnrolPage(pages.chrome(ctx), status, "", "", List.of(),
                null, List.of()));
    }

    public void enrol(Context ctx) {
        String typedServer = ctx.formParam("server") == null ? "" : ctx.formParam("server");
        List<FieldError> errors = new ArrayList<>();
        ServerAddress server = null;
        try {
            server = ServerAddress.parse(typedServer);
        } catch (ServerAddress.InvalidException e) {
            errors.add(switch (e.rule()) {
                case TOO_LONG -> FieldError.of("server", "maxLength", ServerAddress.MAX_LENGTH);
                case REQUIRED -> FieldError.of("server", "required");
                case STAFF_PAGE -> FieldError.of("server", "serverStaffPage", e.extra());
                default -> FieldError.of("server", "serverUrl");
            });
        }
        EnrolmentCode code = null;
        String typedCode = ctx.formParam("code") == null ? "" : ctx.formParam("code");
        if (typedCode == null || typedCode.isBlank()) {
            errors.add(FieldError.of("code", "required"));
        } else {
            try {
                code = EnrolmentCode.parse(typedCode);
            } catch (EnrolmentException e) {
                errors.add(FieldError.of("code", "enrolmentCode"));
            }
        }
        if (!errors.isEmpty()) {
            fail(ctx, typedServer, typedCode, errors, null);
            return;
        }
        Enrolment enrolment;
        try {
            enrolment = enrolments.enrol(server, code);
        } catch (EnrolmentFailedException e) {
            if (e.reason() == EnrolmentFailedException.Reason.CODE_MISMATCH) {
                fail(ctx, typedServer, typedCode, List.of(FieldError.of("code", "codeAgencyMismatch")), null);
            } else {
                fail(ctx, typedServer, typedCode, List.of(), e);
            }
            return;
        }
        Notice notice = afterEnrolment.enrolled(enrolment);
        pages.redirect(ctx, Paths.ENROL, notice);
    }

    /**
     * Shows the form again with what was typed (the address and the code, so a refusal or a network failure
     * never makes the traveller retype a 28-character code) and the errors.
     */
    private void fail(Context ctx, String typedServer, String typedCode, List<FieldError> errors,
                      EnrolmentFailedException failure) {
        String key = null;
        if (failure != null) {
            key = switch (failure.reason()) {
                case ALREADY_ENROLLED -> "client.enrol.error.already";
                case WRONG_AGENCY -> "client.enrol.error.wrongAgency";
                case CODE_MISMATCH -> throw new IllegalArgumentException("shown as a field error");
                case INVALID_ANSWER -> "client.enrol.error.invalidAnswer";
                case AGENCY -> AgencyErrors.key(failure.agencyKind());
            };
        }
        ctx.status(failure != null && failure.reason() == EnrolmentFailedException.Reason.ALREADY_ENROLLED ? 409 : 400);
        EnrolPage.Status status = enrolments.current().map(EnrolPage.Status::of).orElse(null);
        pages.render(ctx, "enrolment/enrol.jte", new EnrolPage(pages.chrome(ctx), status,
                typedServer.length() > ServerAddress.MAX_LENGTH ? "" : typedServer,
                typedCode.length() > EnrolPage.MAX_CODE_LENGTH ? "" : typedCode, errors, key, List.of()));
    }
}
