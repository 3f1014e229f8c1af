using AfterSales.Core.Application;

namespace AfterSales.Core.Notifications;

/// <summary>
/// Dispatches every outbox row that is still pending, and resolves expired attempts that recorded no outcome. The
/// recovery path when a queue message was lost (a crash between the outbox row and the enqueue), and the whole
/// send path of a local run without a queue. Held texts whose next chance has come are tried again (the dispatcher
/// leaves the others alone). Safe to run while dispatchers work and twice at once.
/// </summary>
public sealed class OutboxDrain(IOutbox outbox, NotificationDispatch dispatch)
{
    public async Task<IReadOnlyDictionary<DispatchOutcome, int>> DrainAsync(CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<DispatchOutcome, int>();
        foreach (var status in new[] { OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Held })
        {
            var rows = new List<OutboxRecord>();
            await foreach (var row in outbox.ListByStatusAsync(status, cancellationToken).ConfigureAwait(false))
            {
                // Held for good (a survey over the budget): recorded, nothing more to try.
                if (status != OutboxStatus.Held || row.NextChanceAt is not null) rows.Add(row);
            }
            foreach (var row in rows)
            {
                var outcome = await dispatch.DispatchAsync(row, cancellationToken).ConfigureAwait(false);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }
        return outcomes;
    }
}
