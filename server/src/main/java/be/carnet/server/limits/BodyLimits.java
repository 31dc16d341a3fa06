package be.carnet.server.limits;

import java.time.Duration;

/**
 * How long a request body may take and how much of them the server holds at once: the operator's knobs
 * for slow and idle uploads (docs/operator-guide.md, "Limits").
 *
 * @param grace how long a body may take before the minimum rate applies; a body that has sent nothing by then
 *              is refused (408)
 * @param minBytesPerSecond the average rate a body must keep after the grace period, counted from its start
 * @param reportRoom sealed-report bytes that bodies being read and opened may hold at once
 * @param reportRoomPerClient of those, what one client address may hold (at least the largest report)
 * @param formRoom staff-form and enrolment bytes that bodies being read may hold at once
 * @param formRoomPerClient of those, what one client address may hold
 */
public record BodyLimits(Duration grace, long minBytesPerSecond, long reportRoom, long reportRoomPerClient,
                         long formRoom, long formRoomPerClient) {

    /** The grace period by default: long enough for a body to start on a poor hotel connection. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    /** The minimum rate by default, 8 KiB/s (64 kbit/s): a 24 MiB report may take 50 minutes. */
    public static final long DEFAULT_MIN_BYTES_PER_SECOND = 8 * 1024;

    public BodyLimits {
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("the grace period for request bodies must be positive, not " + grace);
        }
        if (minBytesPerSecond < 1) {
            throw new IllegalArgumentException("the minimum body rate must be at least 1 byte per second, not "
                    + minBytesPerSecond);
        }
    }

    /**
     * The defaults for a server whose largest report is {@code maxReportBytes} and whose largest form is
     * {@code maxFormBytes}: room for one largest report and 8 MiB of ordinary ones (opening a report takes about
     * twelve times its size in heap); one client may hold one largest report; 256 forms at once, 16 per client.
     */
    public static BodyLimits defaults(long maxReportBytes, long maxFormBytes) {
        return new BodyLimits(DEFAULT_GRACE, DEFAULT_MIN_BYTES_PER_SECOND, maxReportBytes + 8L * 1024 * 1024,
                maxReportBytes, 256 * maxFormBytes, 16 * maxFormBytes);
    }

    /** The same limits with another grace period and minimum rate. */
    public BodyLimits withPace(Duration newGrace, long newMinBytesPerSecond) {
        return new BodyLimits(newGrace, newMinBytesPerSecond, reportRoom, reportRoomPerClient, formRoom,
                formRoomPerClient);
    }

    /**
     * When a body of which {@code bytesRead} bytes have arrived stops being on time, counted from its start:
     * the grace period plus the time the minimum rate allows for those bytes.
     */
    public Duration deadlineAfter(long bytesRead) {
        return grace.plusMillis(Math.multiplyExact(bytesRead, 1000L) / minBytesPerSecond);
    }
}
