using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using static AfterSales.Core.Tests.TestSupport.Assessments;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Sla;

public class SupersededWarningTests
{
    private readonly SlaEngine engine = new(TestSettings.Defaults());

    [Fact]
    public void A_promise_warning_deferred_past_its_deadline_is_not_sent_the_breach_supersedes_it()
    {
        // A promise made Friday evening for 20:00 on a business-hours policy: its warning waits for Monday's opening, after the deadline.
        var ticket = new TicketScript().Opened("2026-10-16 17:00", "P3").Responded("2026-10-16 17:10")
            .Committed("2026-10-16 17:20", "2026-10-16 20:00");

        var steps = Sweep(ticket.History, until: "2026-10-19 09:00");
        var monday = engine.Assess(ticket.History, At("2026-10-19 08:30"));

        Assert.DoesNotContain(steps, s => s.Level == "warning" && s.ClockId.StartsWith("commitment", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Level == "supervisor" && s.ClockId.StartsWith("commitment", StringComparison.Ordinal));
        Assert.Contains(monday.Superseded, s => s.Level == "warning" && s.ClockId.StartsWith("commitment", StringComparison.Ordinal));
    }

    [Fact]
    public void A_warning_due_before_its_deadline_is_sent()
    {
        var assessment = engine.Assess(new TicketScript().Opened("2026-10-12 09:00", "P1").History, At("2026-10-12 09:08"));

        Assert.Contains(assessment.DueNow, s => s.Level == "warning");
        // Only the ladder's opening step the major-incident chain covers is superseded, not the warning.
        Assert.DoesNotContain(assessment.Superseded, s => s.Level == "warning");
    }
}
