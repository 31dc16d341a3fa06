package be.carnet.client;

import be.carnet.client.web.Access;

import be.carnet.client.briefing.FirstBriefings;

import be.carnet.client.web.RequestLimits;

import be.carnet.client.web.ErrorPage;
import be.carnet.client.web.ForbiddenHostException;
import be.carnet.client.web.JettyErrors;
import be.carnet.client.web.KeptForms;
import be.carnet.client.web.Notice;
import be.carnet.client.web.LanguageChoice;
import be.carnet.client.web.LanguageController;
import be.carnet.client.web.LaunchController;
import be.carnet.client.web.NoSessionException;
import be.carnet.client.web.Pages;
import be.carnet.client.web.Paths;
import be.carnet.client.web.RequestGuard;
import be.carnet.client.web.SecurityHeaders;
import be.carnet.client.web.Sessions;
import be.carnet.client.web.StateChangeRefusedException;
import be.carnet.client.web.Stylesheet;
import be.carnet.client.web.UploadTooLargeException;

import be.carnet.client.briefing.BriefingController;
import be.carnet.client.briefing.ContactsController;
import be.carnet.client.briefing.SearchController;
import be.carnet.client.briefing.SearchMemory;
import be.carnet.client.briefing.ChecklistController;
import be.carnet.client.enrolment.EnrolmentController;
import be.carnet.client.incident.DraftNotFoundException;
import be.carnet.client.incident.IncidentController;
import be.carnet.client.incident.JournalController;
import be.carnet.client.sync.SyncController;
import be.carnet.client.vault.SettingsController;
import be.carnet.client.vault.MemoryFormSeal;
import be.carnet.client.vault.Vault;
import be.carnet.client.vault.StrengthController;
import be.carnet.client.vault.VaultController;
import be.carnet.client.web.Script;
import be.carnet.client.web.StrengthScript;
import be.carnet.client.vault.VaultLockedException;
import be.carnet.protocol.report.Attachment;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local web server's one route table: every route, filter and exception mapping of the traveller's
 * app is listed in {@link #create}. Reading that method gives the whole attack surface.
 *
 * <p>Each route names one {@link Access} role: {@code OPEN} (no session), {@code ANY_STATE},
 * {@code NO_VAULT} (setup), {@code LOCKED} (unlock), {@code VAULT} (the panic wipe, locked or not),
 * {@code UNLOCKED} (everything else); a request in another vault state is redirected, never served, and
 * a route without a role fails its first request.
 */
public final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private WebServer() {
    }

    /** The configured server, not started; start it on 127.0.0.1 only. */
    public static Javalin create(WebDeps deps) {
        Sessions sessions = new Sessions(deps.clock());
        LanguageChoice languages = new LanguageChoice(deps.settings());
        // Forms kept across the lock: a new in-memory key at every lock makes all earlier ones unreadable.
        KeptForms kept = new KeptForms(MemoryFormSeal::new, deps.clock());
        deps.vault().onLock(kept::forgetAll);
        Pages pages = new Pages(deps.messages(), languages, deps.zones()::current,
                () -> deps.vault().state() == Vault.State.UNLOCKED, kept);
        RequestGuard guard = new RequestGuard(sessions, deps.idleLock());
        States states = new States(deps.vault(), pages, kept, guard);
        Stylesheet stylesheet = new Stylesheet();
        StrengthScript strengthScript = new StrengthScript();
        Script zoneScript = new Script("zone.js");
        StrengthController strength = new StrengthController(pages);
        LaunchController launch = new LaunchController(deps.launchTokens(), sessions, pages);
        LanguageController language = new LanguageController(languages, pages, kept);
        VaultController vault = new VaultController(deps.vault(), deps.wipe(), pages, deps.idleLock(), kept);
        SettingsController settings = new SettingsController(deps.vault(), deps.idleLock(), pages);
        EnrolmentController enrolment = new EnrolmentController(deps.enrolments(), new FirstBriefings(deps.bundles()), pages);
        BriefingController briefings = new BriefingController(deps.bundles(), deps.enrolments(), deps.checklist(), pages,
                deps.clock());
        SearchMemory searches = new SearchMemory();
        deps.vault().onLock(searches::forgetAll);
        SearchController search = new SearchController(deps.bundles(), searches, pages);
        ContactsController contacts = new ContactsController(deps.bundles(), pages);
        ChecklistController checklist = new ChecklistController(deps.checklist(), deps.bundles(), pages);
        IncidentController incidents = new IncidentController(deps.journal(), deps.drafts(), deps.devices(),
                deps.enrolments(), pages, deps.clock(), deps.zones());
        JournalController journal = new JournalController(deps.journal(), pages);
        SyncController sync = new SyncController(deps.sync(), deps.journal(), deps.drafts(), deps.enrolments(),
                pages);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = RequestLimits.MAX_REQUEST_BYTES;
            // Attachments arrive as multipart: kept in memory (never spilled to a plaintext temp file) up to
            // the whole request's limit, which leaves room for one 5 MiB file and the form's fields.
            config.jetty.multipartConfig.maxFileSize(RequestLimits.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) RequestLimits.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(RequestLimits.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.events.serverStopping(kept::forgetAll);

            // Filters: headers and Host allowlist on every request; then, on a matched route, the session,
            // Origin/Sec-Fetch-Site/CSRF and the idle lock (RequestGuard: from here the request is in flight,
            // so the lock waits for it), then the vault state (States). The request ends for the idle lock in
            // the after filter, and in every exception mapping and redirect (guard.finish is idempotent).
            config.routes.before(guard::check);
            config.routes.beforeMatched(guard::admit);
            config.routes.beforeMatched(states::admit);
            config.routes.after(SecurityHeaders::apply);
            config.routes.after(guard::finish);

            // Open without a session.
            config.routes.get(Paths.LAUNCH, launch::launch, Access.OPEN);
            config.routes.get(Paths.STYLESHEET, stylesheet::serve, Access.OPEN);

            // Any vault state.
            config.routes.post(Paths.LANGUAGE, language::choose, Access.ANY_STATE);
            config.routes.get(Paths.STRENGTH_SCRIPT, strengthScript::serve, Access.ANY_STATE);
            config.routes.get(Paths.ZONE_SCRIPT, zoneScript::serve, Access.ANY_STATE);
            config.routes.post(Paths.PASSPHRASE_STRENGTH, strength::strength, Access.ANY_STATE);

            // Vault life.
            config.routes.get(Paths.SETUP, vault::setupForm, Access.NO_VAULT);
            config.routes.post(Paths.SETUP, vault::setup, Access.NO_VAULT);
            config.routes.get(Paths.UNLOCK, vault::unlockForm, Access.LOCKED);
            config.routes.post(Paths.UNLOCK, vault::unlock, Access.LOCKED);
            config.routes.post(Paths.LOCK, vault::lock, Access.UNLOCKED);
            config.routes.get(Paths.WIPE, vault::wipeForm, Access.VAULT);
            config.routes.post(Paths.WIPE, vault::wipe, Access.VAULT);
            config.routes.get(Paths.SETTINGS, settings::page, Access.UNLOCKED);
            config.routes.post(Paths.SETTINGS_PASSPHRASE, settings::changePassphrase, Access.UNLOCKED);
            config.routes.post(Paths.SETTINGS_IDLE_LOCK, settings::idleLock, Access.UNLOCKED);
            config.routes.post(Paths.SETTINGS_DURESS, settings::setDuress, Access.UNLOCKED);
            config.routes.post(Paths.SETTINGS_DURESS_REMOVE, settings::removeDuress, Access.UNLOCKED);

            // Enrolment, briefings, checklist and search (the network only on enrol and briefings-update).
            config.routes.get(Paths.ENROL, enrolment::form, Access.UNLOCKED);
            config.routes.post(Paths.ENROL, enrolment::enrol, Access.UNLOCKED);
            config.routes.get(Paths.HOME, briefings::home, Access.UNLOCKED);
            config.routes.get(Paths.BRIEFING, briefings::show, Access.UNLOCKED);
            config.routes.post(Paths.BRIEFINGS_UPDATE, briefings::update, Access.UNLOCKED);
            config.routes.post(Paths.BRIEFINGS_CHANGES_DISMISS, briefings::dismissChanges, Access.UNLOCKED);
            config.routes.post(Paths.CHECKLIST, checklist::set, Access.UNLOCKED);
            // Search by POST only: a query in an address would stay in the browser's history.
            config.routes.get(Paths.SEARCH, search::page, Access.UNLOCKED);
            config.routes.post(Paths.SEARCH, search::search, Access.UNLOCKED);
            config.routes.get(Paths.CONTACTS, contacts::show, Access.UNLOCKED);

            // Incidents.
            config.routes.get(Paths.NEW_INCIDENT, incidents::form, Access.UNLOCKED);
            config.routes.post(Paths.INCIDENTS, incidents::create, Access.UNLOCKED);
            config.routes.get(Paths.INCIDENTS, incidents::list, Access.UNLOCKED);
            config.routes.post(Paths.QUICK_LOG, incidents::quick, Access.UNLOCKED);
            config.routes.get(Paths.INCIDENT, incidents::show, Access.UNLOCKED);
            config.routes.post(Paths.INCIDENT_ADDENDUM, incidents::addendum, Access.UNLOCKED);
            config.routes.get(Paths.DRAFT, incidents::draft, Access.UNLOCKED);
            config.routes.post(Paths.DRAFT, incidents::saveDraft, Access.UNLOCKED);
            config.routes.post(Paths.DRAFT_DELETE, incidents::deleteDraft, Access.UNLOCKED);
            config.routes.post(Paths.DRAFT_ATTACHMENTS, incidents::attach, Access.UNLOCKED);
            config.routes.post(Paths.DRAFT_DETACH, incidents::detach, Access.UNLOCKED);
            config.routes.get(Paths.DEVICES, incidents::devicesPage, Access.UNLOCKED);
            config.routes.post(Paths.DEVICES, incidents::addDevice, Access.UNLOCKED);
            config.routes.post(Paths.DEVICES_REMOVE, incidents::removeDevice, Access.UNLOCKED);
            config.routes.post(Paths.JOURNAL_VERIFY, journal::verify, Access.UNLOCKED);

            // Sync (the network only on POST).
            config.routes.get(Paths.SYNC, sync::page, Access.UNLOCKED);
            config.routes.post(Paths.SYNC, sync::sync, Access.UNLOCKED);

            // Refusals and errors; the after-filter and the guard have set the security headers on all.
            config.routes.exception(ForbiddenHostException.class, (e, ctx) -> {
                guard.finish(ctx);
                ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8").result("Forbidden\n");
            });
            config.routes.exception(NoSessionException.class, (e, ctx) -> {
                guard.finish(ctx);
                errorPage(pages, ctx, HttpStatus.FORBIDDEN, "client.launch.required");
            });
            config.routes.exception(StateChangeRefusedException.class, (e, ctx) -> {
                guard.finish(ctx);
                LOG.warn("{}", e.getMessage());
                errorPage(pages, ctx, HttpStatus.FORBIDDEN, "error.csrf");
            });
            config.routes.exception(UploadTooLargeException.class, (e, ctx) -> {
                guard.finish(ctx);
                LOG.warn("{}", e.getMessage());
                RequestLimits.discardBody(ctx);
                ctx.status(HttpStatus.CONTENT_TOO_LARGE);
                pages.render(ctx, "web/error.jte", new ErrorPage(pages.chrome(ctx), 413, "client.attachment.tooLargePage",
                        List.of(Attachment.MAX_BYTES / (1024 * 1024)), Paths.draftOfUpload(ctx.path())));
            });
            config.routes.exception(DraftNotFoundException.class, (e, ctx) -> {
                guard.finish(ctx);
                ctx.status(HttpStatus.NOT_FOUND);
            });
            config.routes.exception(VaultLockedException.class, (e, ctx) -> {
                guard.finish(ctx);
                ctx.redirect(Paths.UNLOCK, HttpStatus.SEE_OTHER);
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                guard.finish(ctx);
                if (e.getStatus() == HttpStatus.NOT_FOUND.getCode()) {
                    ctx.status(HttpStatus.NOT_FOUND);
                } else {
                    errorPage(pages, ctx, HttpStatus.forStatus(e.getStatus()), "client.error.request");
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                guard.finish(ctx);
                LOG.error("request to {} failed: {}", ctx.path(), e.toString());
                errorPage(pages, ctx, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal");
            });
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
                if (guard.attachSessionIfAny(ctx)) {
                    errorPage(pages, ctx, HttpStatus.NOT_FOUND, "error.notFound");
                } else {
                    errorPage(pages, ctx, HttpStatus.FORBIDDEN, "client.launch.required");
                }
            });
        });
    }

    private static void errorPage(Pages pages, Context ctx, HttpStatus status, String key) {
        ctx.status(status);
        pages.render(ctx, "web/error.jte", new ErrorPage(pages.chrome(ctx), status.getCode(), key));
    }

    /** Lets a matched route's handler run only in the vault state its {@link Access} role names; redirects otherwise. */
    static final class States {
        private final Vault vault;
        private final Pages pages;
        private final KeptForms kept;
        private final RequestGuard guard;

        States(Vault vault, Pages pages, KeptForms kept, RequestGuard guard) {
            this.vault = vault;
            this.pages = pages;
            this.kept = kept;
            this.guard = guard;
        }

        void admit(Context ctx) {
            Access access = Access.of(ctx.routeRoles());
            Vault.State state = vault.state();
            String elsewhere = elsewhere(access, state);
            if (elsewhere == null) {
                return;
            }
            Notice notice = null;
            if (access == Access.UNLOCKED && state == Vault.State.LOCKED && ctx.method() == HandlerType.POST
                    && !Paths.LOCK.equals(ctx.path())) {
                // The lock fired while the traveller was typing: keep what they sent, sealed in memory, to show
                // it again (never to re-send it) after the unlock.
                LockedPosts.Plan plan = LockedPosts.plan(ctx.path());
                kept.keepLocked(ctx, plan.returnPath(), LockedPosts.fields(ctx, plan), LockedPosts.carriedFile(ctx));
                notice = Notice.info("client.kept.locked");
            }
            guard.finish(ctx);
            pages.redirect(ctx, elsewhere, notice);
            ctx.skipRemainingHandlers();
        }

        /** Where a request for a route with {@code access} goes in {@code state}, or {@code null} to serve it. */
        static String elsewhere(Access access, Vault.State state) {
            return switch (access) {
                case OPEN, ANY_STATE -> null;
                case NO_VAULT -> state == Vault.State.ABSENT ? null : Paths.HOME;
                case LOCKED -> switch (state) {
                    case LOCKED -> null;
                    case ABSENT -> Paths.SETUP;
                    case UNLOCKED -> Paths.HOME;
                };
                case VAULT -> state == Vault.State.ABSENT ? Paths.SETUP : null;
                case UNLOCKED -> switch (state) {
                    case UNLOCKED -> null;
                    case ABSENT -> Paths.SETUP;
                    case LOCKED -> Paths.UNLOCK;
                };
            };
        }
    }
}
