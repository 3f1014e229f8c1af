using AfterSales.Core.Notifications;
using AfterSales.Core.Reports;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Reads the due-index rows due by now, asks the engine what is due for each ticket, records the steps in the
/// outbox, hands them to the notification queue as they are produced and re-indexes the ticket. Up to
/// <see cref="MaxParallelism"/> tickets are swept at once, each by one worker; the index changes of a round of rows are
/// written together in batches. Running twice, concurrently, or again after a crash half-way produces every
/// step exactly once: outbox rows are keyed by the step key and ticket saves are conditional.
/// With <paramref name="texts"/> it does the same for the customer texts the ticket is owed (rows keyed by the text
/// key, produced once their quiet-hour-deferred send instant has come); the surveys the customer rated, read from
/// <paramref name="surveys"/>, get no reminder. With <paramref name="tallies"/> it adds what the ticket's history newly
/// says (opened, resolved, promises met or missed) to the reports' running totals, and keeps those facts' keys with the
/// produced steps, so each is offered once.
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
    ITicketQuarantine? quarantine = null,
    TicketTallies? tallies = null)
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

    /// <summary>
    /// How many tickets are swept at once. Each ticket is still swept by one worker at a time (its due rows are
    /// grouped), and every save is conditional on the version read, so concurrent sweeps stay safe.
    /// </summary>
    public int MaxParallelism
    {
        get => maxParallelism;
        init => maxParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxParallelism), value, "At least 1.");
    }

    private readonly int maxParallelism = DefaultMaxParallelism;

    /// <summary>The default of <c>Sweep__MaxParallelism</c> (docs/scaling.md says where it comes from).</summary>
    public const int DefaultMaxParallelism = 32;

    /// <summary>Due rows taken at a time: swept in parallel, then their index changes written in batches.</summary>
    public const int RowsPerRound = 1_000;

    public async Task<SweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (!await lease.TryAcquireAsync(owner, now, LeaseDuration, cancellationToken).ConfigureAwait(false))
            return new SweepReport(true, 0, 0, 0);
        try
        {
            var tally = new SweepTally();
            var round = new List<DueEntry>(RowsPerRound);
            await foreach (var entry in dueIndex.ReadDueAsync(now, cancellationToken).ConfigureAwait(false))
            {
                round.Add(entry);
                if (round.Count < RowsPerRound) continue;
                await SweepRoundAsync(round, now, tally, cancellationToken).ConfigureAwait(false);
                round.Clear();
            }
            if (round.Count > 0) await SweepRoundAsync(round, now, tally, cancellationToken).ConfigureAwait(false);
            // Whatever a batching queue still holds goes out now; if that fails the rows stay pending for the outbox drain.
            await notifications.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (tally.Failures == 0) await dueIndex.MarkSweptAsync(now, cancellationToken).ConfigureAwait(false);
            return new SweepReport(false, tally.Rows, tally.Steps, tally.Failures) { Quarantined = tally.Quarantined };
        }
        finally
        {
            await lease.ReleaseAsync(owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sweeps the tickets of <paramref name="rows"/> in parallel, a ticket's rows together, then writes what they
    /// changed in the due index: every new row before any old row goes, so a sweep stopped in between leaves an old
    /// row (which the next sweep reads and repairs from), never a ticket listed nowhere.
    /// </summary>
    private async Task SweepRoundAsync(List<DueEntry> rows, Instant now, SweepTally tally, CancellationToken cancellationToken)
    {
        var changes = new DueIndexChanges();
        var tickets = rows.GroupBy(r => r.TicketId, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(tickets, options, async (ticketRows, token) =>
        {
            tally.AddRows(ticketRows.Count);
            try
            {
                tally.AddSteps(await SweepTicketAsync(ticketRows, now, changes, token).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken ticket must not hold up the others; its rows stay and are retried next sweep, until
                // it has failed often enough to be quarantined, which lets the checkpoint move on.
                if (await QuarantineAsync(ticketRows, e, now, token).ConfigureAwait(false)) tally.AddQuarantined();
                else tally.AddFailure();
            }
            foreach (var entry in ticketRows) AfterTicket?.Invoke(entry);
        }).ConfigureAwait(false);
        await dueIndex.PutThenRemoveAsync(changes.Puts, changes.Removals, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> SweepTicketAsync(List<DueEntry> rows, Instant now, DueIndexChanges changes, CancellationToken cancellationToken)
    {
        var ticketId = rows[0].TicketId;
        // A step counts for the sweep whose save records it as produced, not for the one whose outbox add was first:
        // after a crash between the outbox add and the save, the rerun finds the rows there already, yet it is the
        // one that produces the steps (saves them, sends their messages). Of two racing sweeps only the winner's save
        // holds them; the loser reads again and finds nothing due.
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var current = await tickets.GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                changes.Remove(rows);
                return 0;
            }

            var stored = current.Ticket;
            var assessment = engine.Assess(stored.History, now);
            if (assessment.DueNow.Count > 0) await outbox.AddAsync(assessment.DueNow, now, cancellationToken).ConfigureAwait(false);
            // Every due step is enqueued, not only the new rows: a sweep that crashed after adding the rows and before
            // enqueueing left the ticket unsaved, so this run sees the same steps again and must send their messages.
            foreach (var step in assessment.DueNow)
                await notifications.EnqueueAsync(NotificationMessage.For(step, now), cancellationToken).ConfigureAwait(false);
            var answered = texts is null ? null : await AnsweredSurveysAsync(stored.History, cancellationToken).ConfigureAwait(false);
            var plan = texts?.Plan(stored.History, now, answered);
            var dueTexts = plan?.DueNow ?? [];
            if (dueTexts.Count > 0) await outbox.AddTextsAsync(dueTexts, now, cancellationToken).ConfigureAwait(false);
            foreach (var text in dueTexts)
                await notifications.EnqueueAsync(NotificationMessage.For(text, now), cancellationToken).ConfigureAwait(false);
            // A text produced now can plan another (a survey its reminder, 48 h after it is sent): the ticket is indexed
            // for that too, or nothing would sweep it again when the reminder falls due.
            var after = dueTexts.Count == 0 ? plan : texts!.Plan(stored.History.MarkProduced(dueTexts.Select(t => t.Key)), now, answered);
            var next = after?.DueNow.Count > 0 ? DueIndexing.ToStoredPrecision(now) : DueIndexing.NextIndexInstant(assessment, after);
            var counted = tallies is null ? [] : await tallies.CountAsync(stored.History, assessment, now, cancellationToken).ConfigureAwait(false);
            // A superseded warning is marked produced, so it is never sent later; the SLA status says why it was not sent.
            string[] produced = [.. assessment.DueNow.Concat(assessment.Superseded).Select(s => s.Key).Concat(dueTexts.Select(t => t.Key)).Concat(counted)];

            // Rows an ingestion put say events came that the state row does not sum up yet: the save records them.
            var newEvents = rows.Any(r => r.EventId is not null);
            var unchanged = produced.Length == 0 && next == stored.IndexedDueAt && stored.ReassessAt is null && !newEvents;
            if (!unchanged && !await tickets.TrySaveProgressAsync(stored.History, produced, next, current.Version, cancellationToken).ConfigureAwait(false))
                continue;

            // A row the ticket does not name (an ingestion's row, or a sweep's row the state no longer names) may be
            // left by a sweep that saved the ticket and stopped before it listed the next row: listing it again repairs
            // that (a put of a row that is there changes nothing).
            var orphan = newEvents || rows.Any(r => r.DueAt != stored.IndexedDueAt && r.DueAt != stored.ReassessAt);
            if (next is { } due && (due != stored.IndexedDueAt || orphan)) changes.Put(new DueEntry(ticketId, due));
            // Every other row of the ticket goes: the ones swept, the previous next-due row, an earlier version's
            // ingestion row. An ingestion's row goes only if it was read, and so was its event (it is put after it).
            var stale = rows.Where(r => r.EventId is null).Select(r => (Instant?)r.DueAt).Append(stored.IndexedDueAt).Append(stored.ReassessAt)
                .OfType<Instant>().Where(at => at != next).Distinct();
            changes.Remove(stale.Select(at => new DueEntry(ticketId, at)).Concat(rows.Where(r => r.EventId is not null)));
            return assessment.DueNow.Count + dueTexts.Count;
        }
        throw new InvalidOperationException($"Ticket {ticketId} kept changing under {MaxSaveAttempts} save attempts.");
    }

    /// <returns>True when the ticket is now quarantined and its due-index row removed.</returns>
    private async Task<bool> QuarantineAsync(List<DueEntry> rows, Exception error, Instant now, CancellationToken cancellationToken)
    {
        if (quarantine is null) return false;
        try
        {
            var record = await quarantine.RecordFailureAsync(rows[0], $"{error.GetType().Name}: {error.Message}", QuarantineAfter, now, cancellationToken)
                .ConfigureAwait(false);
            if (!record.Quarantined) return false;
            foreach (var entry in rows) await dueIndex.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
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
