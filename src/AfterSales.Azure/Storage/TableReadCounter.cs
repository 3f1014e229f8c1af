namespace AfterSales.Azure.Storage;

/// <summary>
/// Counts the entities that point reads and queries returned, per table, so that tests and load runs can check
/// that a sweep reads what is due and not every open ticket. Thread-safe.
/// </summary>
public sealed class TableReadCounter
{
    private long tickets;
    private long dueIndex;
    private long total;

    public long Tickets => Interlocked.Read(ref tickets);

    public long DueIndex => Interlocked.Read(ref dueIndex);

    /// <summary>Every table, the sweep state, outbox, rejected events and deliveries included.</summary>
    public long Total => Interlocked.Read(ref total);

    public void Reset()
    {
        Interlocked.Exchange(ref tickets, 0);
        Interlocked.Exchange(ref dueIndex, 0);
        Interlocked.Exchange(ref total, 0);
    }

    internal void CountTicket() => Count(ref tickets);

    internal void CountDueIndex() => Count(ref dueIndex);

    internal void CountOther() => Interlocked.Increment(ref total);

    private void Count(ref long table)
    {
        Interlocked.Increment(ref table);
        Interlocked.Increment(ref total);
    }
}
