namespace AfterSales.Core.Reports;

/// <summary>The open-ticket index in memory: the simulation's and the tests'.</summary>
public sealed class InMemoryOpenTickets : IOpenTickets
{
    private readonly Lock gate = new();
    private readonly HashSet<OpenTicket> open = [];

    public Task OpenAsync(OpenTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (gate) open.Add(ticket);
        return Task.CompletedTask;
    }

    public Task CloseAsync(OpenTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        lock (gate) open.Remove(ticket);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OpenTicket>> OldestAsync(string? team, int count, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<OpenTicket> found = [.. open.Where(t => team is null || t.Team == team)
                .OrderBy(t => t.OpenedAt).ThenBy(t => t.TicketId, StringComparer.Ordinal).Take(count)];
            return Task.FromResult(found);
        }
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        lock (gate) open.Clear();
        return Task.CompletedTask;
    }
}
