package be.carnet.client;

import be.carnet.client.vault.IdleLock;
import be.carnet.client.web.LaunchTokens;

import be.carnet.client.briefing.BundleService;
import be.carnet.client.briefing.Checklist;
import be.carnet.client.enrolment.EnrolmentService;
import be.carnet.client.incident.Drafts;
import be.carnet.client.incident.Journal;
import be.carnet.client.incident.LastZone;
import be.carnet.client.incident.TripDevices;
import be.carnet.client.vault.DataWipe;
import be.carnet.client.storage.Settings;
import be.carnet.client.sync.SyncService;
import be.carnet.client.vault.Vault;
import be.carnet.i18n.Messages;
import java.time.Clock;

/**
 * What the web server needs, wired by {@link be.carnet.client.TravellerApp} (or by a test with its own
 * parts).
 *
 * @param vault the vault key's life
 * @param wipe the panic wipe
 * @param enrolments enrolment
 * @param bundles briefings
 * @param checklist checklist ticks
 * @param journal the incident journal
 * @param drafts incidents being written
 * @param devices the traveller's trip devices
 * @param sync the report sync
 * @param settings clear settings (the language)
 * @param messages the catalogues
 * @param launchTokens the one-time launch tokens
 * @param idleLock the idle auto-lock
 * @param clock the time
 * @param zones the traveller's current zone (the last one chosen, else the laptop's): times without a zone of
 *     their own are shown in it, and the incident form starts in it
 */
public record WebDeps(Vault vault, DataWipe wipe, EnrolmentService enrolments, BundleService bundles,
                      Checklist checklist, Journal journal, Drafts drafts, TripDevices devices, SyncService sync,
                      Settings settings, Messages messages,
                      LaunchTokens launchTokens, IdleLock idleLock, Clock clock, LastZone zones) {
}
