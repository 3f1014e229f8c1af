using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Application;

public static class DueIndexing
{
    /// <summary>Where the due index should list a ticket: now when steps are already due, else its next due instant.</summary>
    public static Instant? IndexInstant(TicketAssessment assessment, Instant now) =>
        assessment.DueNow.Count > 0 ? ToStoredPrecision(now) : NextIndexInstant(assessment);

    /// <summary>The same with the ticket's customer texts: now when a text is due, else the earlier of the two next instants.</summary>
    public static Instant? IndexInstant(TicketAssessment assessment, TextPlan? texts, Instant now) =>
        assessment.DueNow.Count > 0 || texts?.DueNow.Count > 0 ? ToStoredPrecision(now) : NextIndexInstant(assessment, texts);

    /// <summary>The earlier of the assessment's and the text plan's next due instants, as the due index keeps it.</summary>
    public static Instant? NextIndexInstant(TicketAssessment assessment, TextPlan? texts)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var next = new[] { assessment.NextDueAt, texts?.NextDueAt }.Min();
        return next is { } instant ? ToStoredPrecision(instant) : null;
    }

    /// <summary>The ticket's next due instant as the due index keeps it (see <see cref="ToStoredPrecision"/>).</summary>
    public static Instant? NextIndexInstant(TicketAssessment assessment) =>
        assessment.NextDueAt is { } next ? ToStoredPrecision(next) : null;

    /// <summary>
    /// Rounds up to whole ticks (100 ns), the precision of <see cref="DateTimeOffset"/> and of storage. A warning at
    /// a share of a target can fall between ticks; rounding before storing makes the instant read back equal to the
    /// one compared with, so the handlers never mistake the row they just wrote for an old one. Rounding up keeps
    /// every step due by the time its row is read.
    /// </summary>
    public static Instant ToStoredPrecision(Instant instant)
    {
        var whole = Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks());
        return whole == instant ? instant : whole + Duration.FromTicks(1);
    }
}
