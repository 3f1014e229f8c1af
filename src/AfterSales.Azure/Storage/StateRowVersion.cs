using Azure;

namespace AfterSales.Azure.Storage;

/// <summary>
/// The version the ticket store hands out (opaque to Core): the ETag of the ticket's state row and, while a state row
/// of an earlier version (<see cref="TicketRowKeys.OldState"/>) is still there, that row's ETag too, so that the save
/// removes it over the ETag read in the same transaction. An HTTP entity tag holds no space, so a space separates them.
/// A ticket with no state row yet (events that no sweep has saved) has the version <c>-</c>: the save adds the row.
/// </summary>
/// <param name="Current">The <c>s|</c> row's ETag; null when the ticket has only the old row, or none.</param>
/// <param name="Old">The old <c>state</c> row's ETag; null when there is none (then the version is the plain ETag).</param>
internal sealed record StateRowVersion(ETag? Current, ETag? Old)
{
    private const string NoRow = "-";

    public override string ToString() => Old is { } old
        ? $"{(Current is { } current ? current.ToString() : NoRow)} {old}"
        : Current?.ToString() ?? NoRow;

    public static StateRowVersion Parse(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var space = version.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) return version == NoRow ? new(null, null) : new(new ETag(version), null);
        var current = version[..space];
        return new(current == NoRow ? null : new ETag(current), new ETag(version[(space + 1)..]));
    }
}
