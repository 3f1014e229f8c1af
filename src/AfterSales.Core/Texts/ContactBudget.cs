using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>A text already sent to a customer, or reserved for sending (<paramref name="IsReservation"/>), as the budget counts it.</summary>
/// <param name="SentAt">When it was sent; for a reservation, when it was reserved.</param>
public sealed record SentText(string Key, TextKind Kind, Instant SentAt, bool IsBudgetExempt, bool IsReservation = false)
{
    /// <summary>
    /// How long a reservation counts without being confirmed as sent or given back: longer than any send takes, so
    /// only the reservation of a process stopped between reserving and sending runs out, and does not eat the budget.
    /// </summary>
    public static readonly Duration ReservationLifetime = Duration.FromMinutes(10);

    /// <summary>Whether the budget counts it at <paramref name="now"/>: a sent text always, a reservation while it is fresh.</summary>
    public bool CountsAt(Instant now) => !IsReservation || now - SentAt < ReservationLifetime;
}

/// <summary>What the budget says of a text: send it, or hold it (recorded as held with <see cref="Reason"/>, never lost).</summary>
/// <param name="NextChanceAt">When the budget would allow a text of this kind again; null when the occasion has passed for good (a survey).</param>
public sealed record BudgetDecision(bool Send, string? Reason, Instant? NextChanceAt)
{
    public static readonly BudgetDecision Allowed = new(true, null, null);
}

/// <summary>
/// The contact budget (SPEC): at most <see cref="TextSettings.NonUrgentPerDay"/> non-urgent texts (progress,
/// survey reminder, revisit) per customer per local day, and at most one survey per
/// <see cref="TextSettings.SurveyEvery"/>; the day is the customer's own (<see cref="CustomerText.TimeZone"/>, else the setting). Acknowledgements, appointment reminders and P1 news are exempt.
/// </summary>
public static class ContactBudget
{
    /// <param name="sent">The customer's texts sent so far (at least those of the last <see cref="TextSettings.SurveyEvery"/>), any ticket.</param>
    public static BudgetDecision Decide(CustomerText text, Instant sendAt, IEnumerable<SentText> sent, TextSettings settings)
    {
        if (text.IsBudgetExempt) return BudgetDecision.Allowed;
        var others = sent.Where(s => s.Key != text.Key).ToList();
        var zone = CustomerZones.Of(text.TimeZone, settings.CustomerTimeZone);

        if (TextKinds.IsSurvey(text.Kind))
        {
            var last = others.Where(s => TextKinds.IsSurvey(s.Kind) && s.SentAt <= sendAt && sendAt - s.SentAt < settings.SurveyEvery)
                .Select(s => (Instant?)s.SentAt).Max();
            return last is { } at
                ? new BudgetDecision(false, $"held by budget: this customer was surveyed on {Day(at, zone)}, at most one survey per {settings.SurveyEvery.TotalDays:0} days", null)
                : BudgetDecision.Allowed;
        }

        var today = sendAt.InZone(zone).Date;
        var countedToday = others.Count(s => !s.IsBudgetExempt && !TextKinds.IsSurvey(s.Kind) && s.SentAt.InZone(zone).Date == today);
        if (countedToday < settings.NonUrgentPerDay) return BudgetDecision.Allowed;
        var tomorrow = zone.AtStartOfDay(today.PlusDays(1)).ToInstant();
        return new BudgetDecision(
            false,
            $"held by budget: {countedToday} non-urgent text(s) already went to this customer on {Day(sendAt, zone)} (at most {settings.NonUrgentPerDay} a day)",
            settings.QuietHours.NextAllowed(tomorrow, zone, isP1: false));
    }

    private static string Day(Instant instant, DateTimeZone zone) => instant.InZone(zone).Date.ToString("uuuu-MM-dd", null);
}
