using AfterSales.Core.Application;

namespace AfterSales.Core.Reports;

/// <summary>What one run of a digest or report handler did.</summary>
/// <param name="Period">The week's digest or the month's report it looked at (<c>digest-2026-10-30</c>, <c>report-2026-10</c>).</param>
/// <param name="Idle">Nothing to do: the period was complete already.</param>
public sealed record ReportRun(string Period, bool Idle, IReadOnlyList<ReportDelivery> Deliveries)
{
    public int Sent => Deliveries.Count(d => d.Result.Sent);
}

/// <summary>One email of a run: to whom, what it said (and as sent), what the sender gave.</summary>
public sealed record ReportDelivery(string Audience, string To, ReportContent Content, Email.EmailMessage Message, SendResult Result);
