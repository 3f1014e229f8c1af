using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>One text a customer is owed.</summary>
/// <param name="Key">Deterministic (<see cref="CustomerTextKeys"/>): produce and send it at most once.</param>
/// <param name="DueAt">When the occasion calls for it.</param>
/// <param name="SendAt"><paramref name="DueAt"/> deferred out of the customer's quiet hours: when to send it.</param>
/// <param name="IsBudgetExempt">Not counted or held by the contact budget (acknowledgements, appointment reminders, P1 news).</param>
/// <param name="Phone">E.164, as the ticket event carried it; never log it in full (<see cref="CustomerPhones.Mask"/>).</param>
/// <param name="Email">For the fallback when the text fails for good.</param>
/// <param name="TimeZone">The customer's IANA zone when the helpdesk sent one (the budget's local day, quiet hours); null: the setting.</param>
public sealed record CustomerText(
    string Key,
    string TicketId,
    TextKind Kind,
    Instant DueAt,
    Instant SendAt,
    bool IsBudgetExempt,
    string CustomerId,
    string Phone,
    string? Email,
    string Locale,
    RenderedText Text,
    string? TimeZone = null);
