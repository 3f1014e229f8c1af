using System.Text.Json.Serialization;

namespace AfterSales.Core.Events.Wire;

/// <summary>
/// Envelope fields of every event on the wire. All wire properties are nullable: presence is checked by
/// the parser, so a missing field becomes a MissingField rejection naming it instead of a serializer error.
/// </summary>
internal abstract class EventDto
{
    [JsonPropertyOrder(-4)]
    public string? EventId { get; set; }

    [JsonPropertyOrder(-3)]
    public string? Type { get; set; }

    [JsonPropertyOrder(-2)]
    public string? TicketId { get; set; }

    [JsonPropertyOrder(-1)]
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>Optional: the sender's order of events stamped in the same second (a non-negative integer).</summary>
    [JsonPropertyOrder(-1)]
    public long? Sequence { get; set; }
}
