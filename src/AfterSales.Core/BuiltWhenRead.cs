namespace AfterSales.Core;

/// <summary>A list built the first time it is read: for results most callers never look at (every text planned, every ticket's outcome).</summary>
internal sealed class BuiltWhenRead<T>(Func<IReadOnlyList<T>> build) : IReadOnlyList<T>
{
    private IReadOnlyList<T>? built;

    private IReadOnlyList<T> Items => built ??= build();

    public T this[int index] => Items[index];

    public int Count => Items.Count;

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
