using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// The customer-text side of a simulation: the send rules production applies right before sending, with the
/// texts sent so far in the run as each customer's history. There are no inbound texts in a simulation, so no
/// opt-outs and no answered surveys.
/// </summary>
/// <param name="words">How the timeline words each text; null when nobody reads the timeline (its entries then only count).</param>
internal sealed class SimulatedTexts(TextSettings settings, TimelineText? words)
{
    private readonly Dictionary<string, List<SentText>> sentByPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> sentKeysByTicket = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (CustomerText Text, Instant RetryAt)>> heldByTicket = new(StringComparer.Ordinal);
    private Instant prunedAt = Instant.MinValue;

    /// <summary>How far back the budget looks for a survey: one survey period and a day. Older surveys can no longer hold anything.</summary>
    private Duration Lookback => settings.SurveyEvery + Duration.FromDays(1);

    /// <summary>How long a non-urgent text counts: its own local day, which two days cover in every time zone.</summary>
    private static readonly Duration NonUrgentLookback = Duration.FromDays(2);

    /// <summary>The earliest retry of a text the budget held for this ticket; null when none waits.</summary>
    public Instant? NextRetry(string ticketId) =>
        heldByTicket.TryGetValue(ticketId, out var held) ? held.Values.Select(h => (Instant?)h.RetryAt).Min() : null;

    /// <summary>The held texts of this ticket whose retry has come.</summary>
    public IReadOnlyList<CustomerText> DueRetries(string ticketId, Instant now)
    {
        if (!heldByTicket.TryGetValue(ticketId, out var held)) return [];
        var due = held.Values.Where(h => h.RetryAt <= now)
            .OrderBy(h => h.RetryAt).ThenBy(h => h.Text.Key, StringComparer.Ordinal).Select(h => h.Text).ToList();
        foreach (var text in due) held.Remove(text.Key);
        if (held.Count == 0) heldByTicket.Remove(ticketId);
        return due;
    }

    /// <summary>A ticket out of play: its sent keys are no longer needed (what the budget counts stays, by phone).</summary>
    public void Forget(string ticketId)
    {
        sentKeysByTicket.Remove(ticketId);
        heldByTicket.Remove(ticketId);
    }

    /// <summary>Sends, holds or drops one text at <paramref name="now"/>, as production's dispatch would.</summary>
    public TimelineEntry Offer(CustomerText text, Instant now)
    {
        if (now - prunedAt > Duration.FromDays(1)) Prune(now);
        var sent = sentByPhone.TryGetValue(text.Phone, out var list) ? list : sentByPhone[text.Phone] = [];
        sent.RemoveAll(s => !BudgetCounts(s, now));
        var sentKeys = sentKeysByTicket.TryGetValue(text.TicketId, out var keys) ? keys : sentKeysByTicket[text.TicketId] = new(StringComparer.Ordinal);
        if (text.Kind == TextKind.SurveyReminder && !sentKeys.Contains(CustomerTextKeys.Survey(text.TicketId, SurveyNumber(text.Key))))
            return Entry(now, text, TimelineKind.TextNotSent, () => "not sent: its survey was never sent");

        var budget = ContactBudget.Decide(text, now, sent, settings);
        if (!budget.Send)
        {
            if (budget.NextChanceAt is { } retryAt)
            {
                if (!heldByTicket.TryGetValue(text.TicketId, out var held)) heldByTicket[text.TicketId] = held = new(StringComparer.Ordinal);
                held[text.Key] = (text, retryAt);
            }
            return Entry(now, text, TimelineKind.TextHeld, () => budget.Reason + (budget.NextChanceAt is { } at ? $"; tried again {words!.Time(at)}" : "; not sent (its occasion has passed)"));
        }

        var sentText = new SentText(text.Key, text.Kind, now, text.IsBudgetExempt);
        if (BudgetCounts(sentText, now)) sent.Add(sentText);
        sentKeys.Add(text.Key);
        return Entry(now, text, TimelineKind.Text, () => $"\"{text.Text.Body}\"");
    }

    /// <summary>Once a virtual day, customers with no text the budget still counts are dropped: a month of customers never piles up.</summary>
    private void Prune(Instant now)
    {
        prunedAt = now;
        foreach (var phone in sentByPhone.Where(p => p.Value.TrueForAll(s => !BudgetCounts(s, now))).Select(p => p.Key).ToList())
            sentByPhone.Remove(phone);
    }

    /// <summary>
    /// Whether <see cref="ContactBudget.Decide"/> can still count a text sent, from <paramref name="now"/> on: a survey for a
    /// survey period, a non-urgent text on its local day; an exempt text (acknowledgement, appointment reminder, P1 news)
    /// never counts. Only those are kept: the texts of a month of a large helpdesk would otherwise all be.
    /// </summary>
    private bool BudgetCounts(SentText sent, Instant now) =>
        TextKinds.IsSurvey(sent.Kind) ? now - sent.SentAt <= Lookback : !sent.IsBudgetExempt && now - sent.SentAt <= NonUrgentLookback;

    /// <summary>Texts the budget still counts, all customers (for tests of what a long run keeps).</summary>
    internal int TextsRemembered => sentByPhone.Values.Sum(texts => texts.Count);

    /// <summary>Customers whose texts the budget still counts (for tests of what a long run keeps).</summary>
    internal int CustomersRemembered => sentByPhone.Count;

    private TimelineEntry Entry(Instant now, CustomerText text, TimelineKind kind, Func<string> what)
    {
        if (words is null) return new TimelineEntry(now, text.TicketId, kind, "", CustomerText: text);
        var verb = kind switch
        {
            TimelineKind.Text => "TEXT",
            TimelineKind.TextHeld => "TEXT HELD",
            _ => "TEXT NOT SENT",
        };
        var deferred = text.SendAt > text.DueAt ? $", due {words.Time(text.DueAt)}, deferred by quiet hours" : "";
        var segments = text.Text.Size.Segments == 1 ? "1 segment" : $"{text.Text.Size.Segments} segments";
        return new TimelineEntry(now, text.TicketId, kind,
            $"{verb} {TimelineText.KindName(text.Kind)} -> {CustomerPhones.Mask(text.Phone)} ({text.Key}, {segments}{deferred}): {what()}",
            CustomerText: text);
    }

    private static int SurveyNumber(string reminderKey) =>
        int.Parse(reminderKey[(reminderKey.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
