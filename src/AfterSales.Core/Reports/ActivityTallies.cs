using AfterSales.Core.Events;
using AfterSales.Core.Events.Wire;
using AfterSales.Core.Revisits;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>The totals' items for what happens outside the sweep: a step sent, a rating, a revisit due and its outcome.</summary>
public static class ActivityTallies
{
    /// <summary>
    /// A step sent, counted generically by its clock and level (and, for a breach, by its clock), whatever kind of step
    /// it is: the reports find three-strikes flags and major incidents among them by prefix.
    /// </summary>
    public static TallyItem StepSent(EscalationStep step, string team, Instant sentAt, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(step);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal) { [TallyCounters.Sent(step.ClockId, step.Level)] = 1 };
        if (step.Trigger == LadderTrigger.Breach) counts[TallyCounters.Breach(step.ClockId)] = 1;
        return new TallyItem(TallyKeys.StepSent(step.Key), team, sentAt.InZone(zone).Date, counts);
    }

    /// <summary>A rating of a ticket's survey, by team and by category; a 1–2 rating is listed.</summary>
    public static TallyItem? Rating(RatingRecorded rating, TicketHistory history, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return Rating(rating, new TicketFacts(history, rating.RatedAt).Opened, zone);
    }

    /// <summary>The same from the ticket's opening (a rebuild keeps the openings, not the histories); null without one.</summary>
    public static TallyItem? Rating(RatingRecorded rating, TicketOpened? opened, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (opened is null) return null;
        var category = WireVocabularies.Categories.ToWire(opened.Category);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [TallyCounters.Rating(rating.Rating)] = 1,
            [TallyCounters.CategoryRating(category, rating.Rating)] = 1,
        };
        var note = rating.Rating <= 2 ? new TallyNote(TallyCounters.LowRatingList, rating.TicketId, rating.RatedAt, $"{rating.Rating} · {opened.Summary}") : null;
        return new TallyItem(TallyKeys.Rating(rating.SurveyKey), opened.Team, rating.RatedAt.InZone(zone).Date, counts, note);
    }

    /// <summary>A revisit due on <paramref name="day"/> (the revisit team belongs to the default team).</summary>
    public static TallyItem RevisitDue(string installationId, LocalDate day, string team) =>
        new(TallyKeys.RevisitDue(installationId, day), team, day, new Dictionary<string, long>(StringComparer.Ordinal) { [TallyCounters.RevisitsDue] = 1 });

    /// <summary>The first outcome recorded for a revisit: done, and how (reached, no answer, problem found).</summary>
    public static TallyItem RevisitOutcome(string installationId, LocalDate day, RevisitOutcome outcome, string team) =>
        new(TallyKeys.RevisitOutcome(installationId, day), team, day, new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [TallyCounters.RevisitsDone] = 1,
            [TallyCounters.RevisitOutcome(NameOf(outcome))] = 1,
        });

    /// <summary>The counter suffix of an outcome: <c>reached</c>, <c>no-answer</c>, <c>problem-found</c>.</summary>
    public static string NameOf(RevisitOutcome outcome) => outcome switch
    {
        Revisits.RevisitOutcome.Reached => "reached",
        Revisits.RevisitOutcome.NoAnswer => "no-answer",
        _ => "problem-found",
    };
}
