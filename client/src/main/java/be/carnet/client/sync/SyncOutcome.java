package be.carnet.client.sync;

import be.carnet.client.agency.AgencyException;

import java.util.List;

/**
 * The result of one sync.
 *
 * @param results one per report that was waiting, in journal order
 * @param stoppedBy why the sync stopped early (agency unreachable or busy), or null
 */
public record SyncOutcome(List<ReportResult> results, AgencyException.Kind stoppedBy) {

    public SyncOutcome {
        results = List.copyOf(results);
    }

    public long count(ReportResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
