namespace AfterSales.Core.Application;

/// <summary>The due-index rows that a round of a sweep lists and removes, collected by its parallel workers.</summary>
internal sealed class DueIndexChanges
{
    private readonly Lock gate = new();
    private readonly List<DueEntry> puts = [];
    private readonly List<DueEntry> removals = [];

    public IReadOnlyCollection<DueEntry> Puts
    {
        get
        {
            lock (gate) return [.. puts];
        }
    }

    public IReadOnlyCollection<DueEntry> Removals
    {
        get
        {
            lock (gate) return [.. removals];
        }
    }

    public void Put(DueEntry entry)
    {
        lock (gate) puts.Add(entry);
    }

    public void Remove(IEnumerable<DueEntry> entries)
    {
        lock (gate) removals.AddRange(entries);
    }
}
