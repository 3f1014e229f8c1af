using System.Text.Json.Serialization;
using AfterSales.Core.Reports;
using NodaTime;

namespace AfterSales.Azure.Storage;

/// <summary>A ticket listed in a totals row, as stored (the instant as Unix milliseconds).</summary>
internal sealed record StoredNote(string List, string TicketId, long At, string Text)
{
    public static StoredNote Of(TallyNote note) => new(note.List, note.TicketId, note.At.ToUnixTimeMilliseconds(), note.Text);

    public TallyNote ToNote() => new(List, TicketId, Instant.FromUnixTimeMilliseconds(At), Text);
}

/// <summary>The JSON columns of <see cref="TableTallies"/> rows.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(List<StoredNote>))]
internal sealed partial class TallyJson : JsonSerializerContext;
