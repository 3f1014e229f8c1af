using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Application;

public static class DueIndexing
{
    /// <summary>Where the due index should list a ticket: now when steps are already due, else its next due instant.</summary>
    public static Instant? IndexInstant(TicketAssessment assessment, Instant now) =>
        assessment.DueNow.Count > 0 ? now : assessment.NextDueAt;
}
