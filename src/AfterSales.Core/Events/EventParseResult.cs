using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Core.Events;

/// <summary>Either the parsed event or why it was rejected; never both.</summary>
public sealed record EventParseResult
{
    private EventParseResult(AfterSalesEvent? evt, EventRejection? rejection)
    {
        Event = evt;
        Rejection = rejection;
    }

    public AfterSalesEvent? Event { get; }

    public EventRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Event is not null;

    public static EventParseResult Accepted(AfterSalesEvent evt) => new(evt ?? throw new ArgumentNullException(nameof(evt)), null);

    public static EventParseResult Rejected(EventRejection rejection) =>
        new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));
}
