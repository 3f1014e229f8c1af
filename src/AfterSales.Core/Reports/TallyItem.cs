using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>
/// One thing that happened, to be added once to the running totals of <see cref="Team"/> on <see cref="Day"/> (the
/// reports' local date): <see cref="Key"/> names it, so counting it again changes nothing.
/// </summary>
/// <param name="Counts">What it adds, by counter name (<see cref="TallyCounters"/>).</param>
/// <param name="Note">A ticket to list beside the figures (the latest tickets, the low ratings), kept in a short list per team and day.</param>
public sealed record TallyItem(string Key, string Team, LocalDate Day, IReadOnlyDictionary<string, long> Counts, TallyNote? Note = null);

/// <summary>A ticket listed in a report. <see cref="List"/> names the list it goes in (<see cref="TallyCounters.LatestList"/>, ...).</summary>
public sealed record TallyNote(string List, string TicketId, Instant At, string Text)
{
    /// <summary>The longest text kept: a line in a report, and the totals row stays small.</summary>
    public const int MaxTextLength = 80;

    public string Text { get; } = Text.Length <= MaxTextLength ? Text : Text[..(MaxTextLength - 1)] + "…";
}

/// <summary>The running totals of one team on one day: the counters, and the short lists of tickets the day kept.</summary>
public sealed record DailyTally(string Team, LocalDate Day, IReadOnlyDictionary<string, long> Counts, IReadOnlyList<TallyNote> Notes)
{
    /// <summary>A list keeps its most recent entries only: reports show a few, and the row stays small.</summary>
    public const int NotesPerList = 10;

    /// <summary>These totals with <paramref name="item"/> added (its note kept if it is among the latest of its list).</summary>
    public DailyTally Add(TallyItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var counts = new Dictionary<string, long>(Counts, StringComparer.Ordinal);
        foreach (var (name, value) in item.Counts) counts[name] = counts.GetValueOrDefault(name) + value;
        var notes = Notes;
        if (item.Note is { } note)
        {
            var list = Notes.Where(n => n.List == note.List).Append(note)
                .OrderByDescending(n => n.At).ThenBy(n => n.TicketId, StringComparer.Ordinal).Take(NotesPerList);
            notes = [.. Notes.Where(n => n.List != note.List).Concat(list)];
        }

        return this with { Counts = counts, Notes = notes };
    }

    public static DailyTally Empty(string team, LocalDate day) => new(team, day, new Dictionary<string, long>(StringComparer.Ordinal), []);
}
