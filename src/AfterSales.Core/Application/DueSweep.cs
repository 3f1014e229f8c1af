using AfterSales.Core.Notifications;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Reads the due-index rows due by now, asks the engine what is due for each ticket, records the steps in the
/// outbox, hands them to the notification queue and re-indexes the ticket. Running twice, concurrently, or again after a crash half-way produces every
/// step exactly once: outbox rows are keyed by the step key and ticket saves are conditional.
/// With <paramref name="texts"/> it does the same for the customer texts the ticket is owed (rows keyed by the text
/// key, produced once their quiet-hour-deferred send instant has come); the surveys the customer rated, read from
/// <paramref name="surveys"/>, get no reminder.
/// </summary>
public sealed class DueSweep(
    SlaEngine engine,
    ITicketStore tickets,
    IDueIndex dueIndex,
    IOutbox outbox,
    INotificationQueue notifications,
    ISweepLease lease,
    TimeProvider time,
    CustomerTextPlanner? texts = null,
    ISurveys? surveys = null,
    ITicketQuarantine? quarantine = null)
{
    private const int MaxSaveAttempts = 50;
    private readonly string owner = Guid.NewGuid().ToString("N");

    /// <summary>
    /// How long a sweep may hold the lease before another instance may take over. Short: a sweep cut off by a storage
    /// outage cannot release it, and sweeps must resume soon after storage does (a second sweep is harmless anyway).
    /// </summary>
    public Duration LeaseDuration { get; init; } = Duration.FromSeconds(30);

    /// <summary>After this many failed tries a ticket is quarantined (with <c>quarantine</c>): out of the due index, listed, replayable.</summary>
    public int QuarantineAfter { get; init; } = 5;

    /// <summary>Called after each ticket is swept (instrumentation, and crash tests).</summary>
    public Action<DueEntry>? AfterTicket { get; init; }

    public async Task<SweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (!await lease.TryAcquireAsync(owner, now, LeaseDuration, cancellationToken).ConfigureAwait(false))
            return new SweepReport(true, 0, 0, 0);
        try
        {
            int rows = 0, steps = 0, failures = 0, quarantined = 0;
            await foreach (var entry in dueIndex.ReadDueAsync(now, cancellationToken).ConfigureAwait(false))
            {
                rows++;
                try
                {
                    steps += await SweepTicketAsync(entry, now, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One broken ticket must not hold up the others; its row stays and is retried next sweep, until
                    // it has failed often enough to be quarantined, which lets the checkpoint move on.
                    if (await QuarantineAsync(entry, e, now, cancellationToken).ConfigureAwait(false)) quarantined++;
                    else failures++;
                }
                AfterTicket?.Invoke(entry);
            }
            // Whatever a batching queue still holds goes out now; if that fails the rows stay pending for the outbox drain.
            await notifications.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (failures == 0) await dueIndex.MarkSweptAsync(now, cancellationToken).ConfigureAwait(false);
            return new SweepReport(false, rows, steps, failures) { Quarantined = quarantined };
        }
        finally
        {
            await lease.ReleaseAsync(owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<int> SweepTicketAsync(DueEntry entry, Instant now, CancellationToken cancellationToken)
    {
        // Steps added on an attempt whose save then lost a race are still new: the outbox row is the record, so
        // they count here (the winner saw them as existing already and did not count them).
        var added = 0;
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var current = await tickets.GetAsync(entry.TicketId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                await dueIndex.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                return added;
            }

            var stored = current.Ticket;
            var assessment = engine.Assess(stored.History, now);
            added += assessment.DueNow.Count == 0 ? 0
                : await outbox.AddAsync(assessment.DueNow, now, cancellationToken).ConfigureAwait(false);
            // Every due step is enqueued, not only the new rows: a sweep that crashed after adding the rows and before
            // enqueueing left the ticket unsaved, so this run sees the same steps again and must send their messages.
            foreach (var step in assessment.DueNow)
                await notifications.EnqueueAsync(NotificationMessage.For(step, now), cancellationToken).ConfigureAwait(false);
            var answered = texts is null ? null : await AnsweredSurveysAsync(stored.History, cancellationToken).ConfigureAwait(false);
            var plan = texts?.Plan(stored.History, now, answered);
            var dueTexts = plan?.DueNow ?? [];
            added += dueTexts.Count == 0 ? 0 : await outbox.AddTextsAsync(dueTexts, now, cancellationToken).ConfigureAwait(false);
            foreach (var text in dueTexts)
                await notifications.EnqueueAsync(NotificationMessage.For(text, now), cancellationToken).ConfigureAwait(false);
            // A text produced now can plan another (a survey its reminder, 48 h after it is sent): the ticket is indexed
            // for that too, or nothing would sweep it again when the reminder falls due.
            var after = dueTexts.Count == 0 ? plan : texts!.Plan(stored.History.MarkProduced(dueTexts.Select(t => t.Key)), now, answered);
            var next = after?.DueNow.Count > 0 ? DueIndexing.ToStoredPrecision(now) : DueIndexing.NextIndexInstant(assessment, after);
            // A superseded warning is marked produced, so it is never sent later; the SLA status says why it was not sent.
            string[] produced = [.. assessment.DueNow.Concat(assessment.Superseded).Select(s => s.Key).Concat(dueTexts.Select(t => t.Key))];

            if (next is { } due && due != stored.IndexedDueAt)
                await dueIndex.PutAsync(new DueEntry(entry.TicketId, due), cancellationToken).ConfigureAwait(false);
            var unchanged = produced.Length == 0 && next == stored.IndexedDueAt && stored.ReassessAt is null;
            if (!unchanged && !await tickets.TrySaveProgressAsync(stored.History, produced, next, current.Version, cancellationToken).ConfigureAwait(false))
                continue;

            // Every other row of the ticket goes: the one swept, the previous next-due row, the ingestion's row.
            var stale = new[] { entry.DueAt, stored.IndexedDueAt, stored.ReassessAt }.OfType<Instant>().Where(at => at != next).Distinct();
            foreach (var at in stale) await dueIndex.RemoveAsync(new DueEntry(entry.TicketId, at), cancellationToken).ConfigureAwait(false);
            return added;
        }
        throw new InvalidOperationException($"Ticket {entry.TicketId} kept changing under {MaxSaveAttempts} save attempts.");
    }

    /// <returns>True when the ticket is now quarantined and its due-index row removed.</returns>
    private async Task<bool> QuarantineAsync(DueEntry entry, Exception error, Instant now, CancellationToken cancellationToken)
    {
        if (quarantine is null) return false;
        try
        {
            var record = await quarantine.RecordFailureAsync(entry, $"{error.GetType().Name}: {error.Message}", QuarantineAfter, now, cancellationToken)
                .ConfigureAwait(false);
            if (!record.Quarantined) return false;
            await dueIndex.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage is failing too: the row stays, the next sweep tries the ticket and counts again.
            return false;
        }
    }

    private async Task<IReadOnlySet<string>> AnsweredSurveysAsync(TicketHistory history, CancellationToken cancellationToken)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        if (surveys is null) return answered;
        foreach (var key in history.ProducedSteps.Where(CustomerTextKeys.IsSurvey))
        {
            if (await surveys.IsRatedAsync(history.TicketId, key, cancellationToken).ConfigureAwait(false)) answered.Add(key);
        }

        return answered;
    }
}
