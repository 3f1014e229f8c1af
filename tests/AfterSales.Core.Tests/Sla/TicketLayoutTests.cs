using AfterSales.Core.Events;
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

    [Fact]
    public void A_layout_takes_the_clocks_and_steps_an_event_left_unchanged_from_the_earlier_one()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 10:00").CustomerReplied("2026-10-12 10:30").History;
        var earlier = engine.Layout(history, At("2026-10-12 10:00"));

        var later = engine.Layout(history, At("2026-10-12 10:30"), earlier);
        var fresh = engine.Layout(history, At("2026-10-12 10:30"));

        Assert.Equal(fresh.Clocks, later.Clocks);
        Assert.Equal(fresh.Planned, later.Planned);
        Assert.NotEmpty(later.Planned);
        Assert.All(later.Clocks.Zip(earlier.Clocks), pair => Assert.Same(pair.Second, pair.First));
        Assert.All(later.Planned.Zip(earlier.Planned), pair => Assert.Same(pair.Second, pair.First));
    }

    [Fact]
    public void A_clock_an_event_changed_is_laid_out_anew_even_with_an_earlier_layout()
    {
        var history = new TicketScript().Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 10:00")
            .Status("2026-10-12 10:30", TicketStatus.WaitingForCustomer).History;
        var earlier = engine.Layout(history, At("2026-10-12 10:00"));

        var later = engine.Layout(history, At("2026-10-12 10:30"), earlier);
        var fresh = engine.Layout(history, At("2026-10-12 10:30"));

        Assert.Equal(fresh.Clocks, later.Clocks);
        Assert.Equal(fresh.Planned, later.Planned);
        var resolution = Assert.Single(later.Clocks, c => c.ClockId == ClockPlanner.ResolutionId);
        Assert.DoesNotContain(earlier.Clocks, c => ReferenceEquals(c, resolution));
        Assert.Null(resolution.Deadline);
    }
}
