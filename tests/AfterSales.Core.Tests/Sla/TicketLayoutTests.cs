using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Sla;

public class TicketLayoutTests
{
    private readonly SlaEngine engine = new(TestSettings.Defaults());

    [Fact]
    public void A_layout_covers_later_looks_until_another_event_takes_effect()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 10:00").History;

        var layout = engine.Layout(history, At("2026-10-12 09:00"));

        Assert.True(layout.Covers(history, At("2026-10-12 09:59")));
        Assert.True(layout.Covers(history.MarkProduced(["T-1/first-response/warning/1"]), At("2026-10-12 09:30")));
        Assert.False(layout.Covers(history, At("2026-10-12 10:00")));
        Assert.False(layout.Covers(new TicketScript().Opened("2026-10-12 09:00", "P3").History, At("2026-10-12 09:30")));
    }

    [Theory]
    [InlineData("2026-10-12 09:00")]
    [InlineData("2026-10-12 09:24")]
    [InlineData("2026-10-12 09:30")]
    [InlineData("2026-10-12 09:59")]
    public void Assessing_a_layout_made_earlier_gives_what_a_fresh_assessment_gives(string now)
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 10:00").History;
        var layout = engine.Layout(history, At("2026-10-12 09:00"));

        var fresh = engine.Assess(history, At(now));
        var reused = SlaEngine.Assess(history, At(now), layout);

        Assert.Equal(fresh.DueNow.Select(s => s.Key), reused.DueNow.Select(s => s.Key));
        Assert.Equal(fresh.NextDueAt, reused.NextDueAt);
        Assert.Equal(fresh.Clocks, reused.Clocks);
        Assert.Equal((fresh.Phase, fresh.Policy, fresh.Cycle), (reused.Phase, reused.Policy, reused.Cycle));
    }

    [Fact]
    public void A_step_produced_since_the_layout_is_not_due_again()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P3").History;
        var layout = engine.Layout(history, At("2026-10-12 09:00"));
        var due = SlaEngine.Assess(history, At("2026-10-12 09:30"), layout).DueNow;
        Assert.NotEmpty(due);

        var after = SlaEngine.Assess(history.MarkProduced(due.Select(s => s.Key)), At("2026-10-12 09:30"), layout);

        Assert.Empty(after.DueNow);
    }
}
