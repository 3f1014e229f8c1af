using AfterSales.Core.Application;

namespace AfterSales.Core.Notifications;

/// <summary>
/// Dispatches every outbox row that is still pending, and resolves expired attempts that recorded no outcome. The
/// recovery path when a queue message was lost (a crash between the outbox row and the enqueue), and the whole
/// send path of a local run without a queue. Safe to run while dispatchers work and twice at once.
/// </summary>
public sealed class OutboxDrain(IOutbox outbox, NotificationDispatch dispatch)
{
    public async Task<IReadOnlyDictionary<DispatchOutcome, int>> DrainAsync(CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<DispatchOutcome, int>();
        foreach (var status in new[] { OutboxStatus.Pending, OutboxStatus.Sending })
        {
            var rows = new List<OutboxRecord>();
            await foreach (var row in outbox.ListByStatusAsync(status, cancellationToken).ConfigureAwait(false)) rows.Add(row);
            foreach (var row in rows)
            {
                var outcome = await dispatch.DispatchAsync(row, cancellationToken).ConfigureAwait(false);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }
        return outcomes;
    }
}
