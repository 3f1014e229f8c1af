namespace AfterSales.Core.Events.Wire;

/// <summary>The wire spelling of one enum (e.g. <c>walk-in</c> for <see cref="TicketChannel.WalkIn"/>).</summary>
internal sealed class WireVocabulary<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byWire;
    private readonly Dictionary<TEnum, string> byValue;

    public WireVocabulary(params (TEnum Value, string Wire)[] words)
    {
        byWire = words.ToDictionary(w => w.Wire, w => w.Value, StringComparer.Ordinal);
        byValue = words.ToDictionary(w => w.Value, w => w.Wire);
        Listing = string.Join(", ", words.Select(w => w.Wire));
    }

    /// <summary>The allowed wire values, comma separated, for rejection messages.</summary>
    public string Listing { get; }

    public bool TryParse(string wire, out TEnum value) => byWire.TryGetValue(wire, out value);

    public string ToWire(TEnum value) => byValue[value];
}

internal static class WireVocabularies
{
    public static WireVocabulary<TicketChannel> Channels { get; } = new(
        (TicketChannel.Phone, "phone"),
        (TicketChannel.Email, "email"),
        (TicketChannel.Web, "web"),
        (TicketChannel.WalkIn, "walk-in"));

    public static WireVocabulary<TicketCategory> Categories { get; } = new(
        (TicketCategory.Repair, "repair"),
        (TicketCategory.Installation, "installation"),
        (TicketCategory.Complaint, "complaint"),
        (TicketCategory.Return, "return"),
        (TicketCategory.Inquiry, "inquiry"));

    public static WireVocabulary<TicketStatus> Statuses { get; } = new(
        (TicketStatus.Open, "open"),
        (TicketStatus.WaitingForCustomer, "waiting-for-customer"),
        (TicketStatus.OnHold, "on-hold"),
        (TicketStatus.InProgress, "in-progress"));
}
