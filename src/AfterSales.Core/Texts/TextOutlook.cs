using System.Collections.Immutable;
using AfterSales.Core.Events;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>
/// The texts a ticket is owed, sent or not, by key and send instant only (not rendered), as the events in effect decide
/// them (facts, clocks, booked visits) and which surveys went out (a sent one is owed its reminder); no other produced
/// key changes them. A caller that looks at a ticket again and again (the simulation) keeps one per ticket in play and
/// hands it to <see cref="CustomerTextPlanner"/>, which works the texts out again only when it no longer fits or a text
/// is due: small, as a month of a large helpdesk has tens of thousands of tickets in play.
/// </summary>
internal sealed class TextOutlook
{
    private readonly ImmutableArray<TicketEvent> events;
    private readonly int eventsInEffect;
    private readonly (string Key, Instant SendAt, bool IsSurvey, bool Sent)[] owed;

    /// <param name="owed">Every text owed (produced or not), with whether it is a survey.</param>
    internal TextOutlook(TicketHistory history, int eventsInEffect, ReadOnlySpan<(string Key, Instant SendAt, bool IsSurvey)> owed)
    {
        events = history.Events;
        this.eventsInEffect = eventsInEffect;
        this.owed = new (string, Instant, bool, bool)[owed.Length];
        for (var i = 0; i < owed.Length; i++)
        {
            var (key, sendAt, isSurvey) = owed[i];
            this.owed[i] = (key, sendAt, isSurvey, isSurvey && history.ProducedSteps.Contains(key));
        }
    }

    /// <summary>Whether the texts owed are still these: the same events, as many in effect, the same surveys sent.</summary>
    internal bool Fits(TicketHistory history, int inEffect)
    {
        if (history.Events != events || inEffect != eventsInEffect) return false;
        foreach (var (key, _, isSurvey, sent) in owed)
            if (isSurvey && history.ProducedSteps.Contains(key) != sent) return false;
        return true;
    }

    /// <summary>Whether no text not yet produced is due by <paramref name="now"/>; if so, when the next one is (null: none).</summary>
    internal bool NothingDue(TicketHistory history, Instant now, out Instant? next)
    {
        next = null;
        foreach (var (key, sendAt, _, _) in owed)
        {
            if (history.ProducedSteps.Contains(key)) continue;
            if (sendAt <= now) return false;
            if (next is null || sendAt < next) next = sendAt;
        }
        return true;
    }
}
