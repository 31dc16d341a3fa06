package be.carnet.client.web;

import be.carnet.client.briefing.BriefingController;
import be.carnet.client.briefing.ContactsController;
import be.carnet.client.briefing.SearchController;
import be.carnet.client.checklist.ChecklistController;
import be.carnet.client.enrolment.EnrolmentController;
import be.carnet.client.incident.DraftNotFoundException;
import be.carnet.client.incident.IncidentController;
import be.carnet.client.incident.JournalController;
import be.carnet.client.sync.SyncController;
import be.carnet.client.vault.SettingsController;
import be.carnet.client.vault.StrengthController;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.VaultController;
import be.carnet.client.vault.VaultLockedException;
import be.carnet.protocol.report.Attachment;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local web server's one route table: every route, filter and exception mapping of the traveller's
 * app is listed in {@link #create}. Reading that method gives the whole attack surface.
 *
 * <p>Each page route names the vault state it needs: {@code whenAbsent} (setup), {@code whenLocked}
 * (unlock), {@code whenCreated} (the panic wipe, locked or not), {@code whenUnlocked} (everything else);
 * a request in another state is redirected, never served.
 */
public final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final long MAX_REQUEST_BYTES = 256 * 1024;
    /** Largest multipart request (an attachment upload): one 5 MiB file plus its form fields. */
    static final long MAX_UPLOAD_BYTES = Attachment.MAX_BYTES + 64 * 1024;

    private WebServer() {
    }

    /** The configured server, not started; start it on 127.0.0.1 only. */
    public static Javalin create(WebDeps deps) {
        Sessions sessions = new Sessions(deps.clock());
        LanguageChoice languages = new LanguageChoice(deps.settings());
        Pages pages = new Pages(deps.messages(), languages, deps.zone(), deps.vault());
        RequestGuard guard = new RequestGuard(sessions, deps.idleLock());
        States states = new States(deps.vault(), pages);
        Stylesheet stylesheet = new Stylesheet();
        StrengthScript strengthScript = new StrengthScript();
        StrengthController strength = new StrengthController(pages);
        LaunchController launch = new LaunchController(deps.launchTokens(), sessions, pages);
        LanguageController language = new LanguageController(languages, pages);
        VaultController vault = new VaultController(deps.vault(), deps.wipe(), pages, deps.idleLock());
        SettingsController settings = new SettingsController(deps.vault(), deps.idleLock(), pages);
        EnrolmentController enrolment = new EnrolmentController(deps.enrolments(), deps.bundles(), pages);
        BriefingController briefings = new BriefingController(deps.bundles(), deps.enrolments(), deps.checklist(), pages,
                deps.clock());
        SearchController search = new SearchController(deps.bundles(), pages);
        ContactsController contacts = new ContactsController(deps.bundles(), pages);
        ChecklistController checklist = new ChecklistController(deps.checklist(), deps.bundles(), pages);
        IncidentController incidents = new IncidentController(deps.journal(), deps.drafts(), deps.devices(),
                deps.enrolments(), pages, deps.clock(), deps.zone());
        JournalController journal = new JournalController(deps.journal(), pages);
        SyncController sync = new SyncController(deps.sync(), deps.journal(), deps.drafts(), deps.enrolments(),
                pages);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Attachments arrive as multipart: kept in memory (never spilled to a plaintext temp file) up to
            // the whole request's limit, which leaves room for one 5 MiB file and the form's fields.
            config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));

            // Filters: headers, Host allowlist, session, Origin/Sec-Fetch-Site/CSRF, idle lock.
            config.routes.before(guard::check);
            config.routes.after(SecurityHeaders::apply);

            // Open without a session.
            config.routes.get(Paths.LAUNCH, launch::launch);
            config.routes.get(Paths.STYLESHEET, stylesheet::serve);

            // Any vault state.
            config.routes.post(Paths.LANGUAGE, language::choose);
            config.routes.get(Paths.STRENGTH_SCRIPT, strengthScript::serve);
            config.routes.post(Paths.PASSPHRASE_STRENGTH, strength::strength);

            // Vault life.
            config.routes.get(Paths.SETUP, states.whenAbsent(vault::setupForm));
            config.routes.post(Paths.SETUP, states.whenAbsent(vault::setup));
            config.routes.get(Paths.UNLOCK, states.whenLocked(vault::unlockForm));
            config.routes.post(Paths.UNLOCK, states.whenLocked(vault::unlock));
            config.routes.post(Paths.LOCK, states.whenUnlocked(vault::lock));
            config.routes.get(Paths.WIPE, states.whenCreated(vault::wipeForm));
            config.routes.post(Paths.WIPE, states.whenCreated(vault::wipe));
            config.routes.get(Paths.SETTINGS, states.whenUnlocked(settings::page));
            config.routes.post(Paths.SETTINGS_PASSPHRASE, states.whenUnlocked(settings::changePassphrase));
            config.routes.post(Paths.SETTINGS_IDLE_LOCK, states.whenUnlocked(settings::idleLock));
            config.routes.post(Paths.SETTINGS_DURESS, states.whenUnlocked(settings::setDuress));
            config.routes.post(Paths.SETTINGS_DURESS_REMOVE, states.whenUnlocked(settings::removeDuress));

            // Enrolment, briefings, checklist and search (the network only on enrol and briefings-update).
            config.routes.get(Paths.ENROL, states.whenUnlocked(enrolment::form));
            config.routes.post(Paths.ENROL, states.whenUnlocked(enrolment::enrol));
            config.routes.get(Paths.HOME, states.whenUnlocked(briefings::home));
            config.routes.get(Paths.BRIEFING, states.whenUnlocked(briefings::show));
            config.routes.post(Paths.BRIEFINGS_UPDATE, states.whenUnlocked(briefings::update));
            config.routes.post(Paths.BRIEFINGS_CHANGES_DISMISS, states.whenUnlocked(briefings::dismissChanges));
            config.routes.post(Paths.CHECKLIST, states.whenUnlocked(checklist::set));
            config.routes.get(Paths.SEARCH, states.whenUnlocked(search::search));
            config.routes.get(Paths.CONTACTS, states.whenUnlocked(contacts::show));

            // Incidents.
            config.routes.get(Paths.NEW_INCIDENT, states.whenUnlocked(incidents::form));
            config.routes.post(Paths.INCIDENTS, states.whenUnlocked(incidents::create));
            config.routes.get(Paths.INCIDENTS, states.whenUnlocked(incidents::list));
            config.routes.post(Paths.QUICK_LOG, states.whenUnlocked(incidents::quick));
            config.routes.get(Paths.INCIDENT, states.whenUnlocked(incidents::show));
            config.routes.post(Paths.INCIDENT_ADDENDUM, states.whenUnlocked(incidents::addendum));
            config.routes.get(Paths.DRAFT, states.whenUnlocked(incidents::draft));
            config.routes.post(Paths.DRAFT, states.whenUnlocked(incidents::saveDraft));
            config.routes.post(Paths.DRAFT_DELETE, states.whenUnlocked(incidents::deleteDraft));
            config.routes.post(Paths.DRAFT_ATTACHMENTS, states.whenUnlocked(incidents::attach));
            config.routes.post(Paths.DRAFT_DETACH, states.whenUnlocked(incidents::detach));
            config.routes.get(Paths.DEVICES, states.whenUnlocked(incidents::devicesPage));
            config.routes.post(Paths.DEVICES, states.whenUnlocked(incidents::addDevice));
            config.routes.post(Paths.DEVICES_REMOVE, states.whenUnlocked(incidents::removeDevice));
            config.routes.post(Paths.JOURNAL_VERIFY, states.whenUnlocked(journal::verify));

            // Sync (the network only on POST).
            config.routes.get(Paths.SYNC, states.whenUnlocked(sync::page));
            config.routes.post(Paths.SYNC, states.whenUnlocked(sync::sync));

            // Refusals and errors; the after-filter and the guard have set the security headers on all.
            config.routes.exception(ForbiddenHostException.class, (e, ctx) -> {
                ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8").result("Forbidden\n");
            });
            config.routes.exception(NoSessionException.class, (e, ctx) ->
                    errorPage(pages, ctx, HttpStatus.FORBIDDEN, "client.launch.required"));
            config.routes.exception(StateChangeRefusedException.class, (e, ctx) -> {
                LOG.warn("{}", e.getMessage());
                errorPage(pages, ctx, HttpStatus.FORBIDDEN, "error.csrf");
            });
            config.routes.exception(UploadTooLargeException.class, (e, ctx) -> {
                LOG.warn("{}", e.getMessage());
                ctx.status(HttpStatus.CONTENT_TOO_LARGE);
                pages.render(ctx, "web/error.jte", new ErrorPage(pages.chrome(ctx), 413, "client.attachment.tooLargePage",
                        List.of(Attachment.MAX_BYTES / (1024 * 1024)), Paths.draftOfUpload(ctx.path())));
            });
            config.routes.exception(DraftNotFoundException.class, (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND));
            config.routes.exception(VaultLockedException.class, (e, ctx) ->
                    ctx.redirect(Paths.UNLOCK, HttpStatus.SEE_OTHER));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == HttpStatus.NOT_FOUND.getCode()) {
                    ctx.status(HttpStatus.NOT_FOUND);
                } else {
                    errorPage(pages, ctx, HttpStatus.forStatus(e.getStatus()), "client.error.request");
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request to {} failed: {}", ctx.path(), e.toString());
                errorPage(pages, ctx, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
            });
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx ->
                    errorPage(pages, ctx, HttpStatus.NOT_FOUND, "error.notFound"));
        });
    }

    private static void errorPage(Pages pages, Context ctx, HttpStatus status, String key) {
        ctx.status(status);
        pages.render(ctx, "web/error.jte", new ErrorPage(pages.chrome(ctx), status.getCode(), key));
    }

    /** Wraps handlers so they run only in the vault state they need. */
    static final class States {
        private final Vault vault;
        private final Pages pages;

        States(Vault vault, Pages pages) {
            this.vault = vault;
            this.pages = pages;
        }

        Handler whenAbsent(Handler handler) {
            return ctx -> {
                if (vault.state() == Vault.State.ABSENT) {
                    handler.handle(ctx);
                } else {
                    pages.redirect(ctx, Paths.HOME, null);
                }
            };
        }

        Handler whenLocked(Handler handler) {
            return ctx -> {
                switch (vault.state()) {
                    case LOCKED -> handler.handle(ctx);
                    case ABSENT -> pages.redirect(ctx, Paths.SETUP, null);
                    case UNLOCKED -> pages.redirect(ctx, Paths.HOME, null);
                }
            };
        }

        Handler whenCreated(Handler handler) {
            return ctx -> {
                if (vault.state() == Vault.State.ABSENT) {
                    pages.redirect(ctx, Paths.SETUP, null);
                } else {
                    handler.handle(ctx);
                }
            };
        }

        Handler whenUnlocked(Handler handler) {
            return ctx -> {
                switch (vault.state()) {
                    case UNLOCKED -> handler.handle(ctx);
                    case ABSENT -> pages.redirect(ctx, Paths.SETUP, null);
                    case LOCKED -> pages.redirect(ctx, Paths.UNLOCK, null);
                }
            };
        }
    }
}
