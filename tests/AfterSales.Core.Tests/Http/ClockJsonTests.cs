using AfterSales.Core.Http;
using AfterSales.Core.Sla;
using AfterSales.Core.Tests.TestSupport;
using static AfterSales.Core.Tests.TestSupport.Assessments;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Http;

public class ClockJsonTests
{
    private static readonly AfterSales.Core.Settings.AfterSalesSettings Settings = TestSettings.Defaults();

    [Fact]
    public void A_clock_met_shows_the_time_it_had_to_spare_in_working_and_calendar_time()
    {
        // P3 resolution: 27 working hours from Wed 08:30 end Fri 17:30; resolved Thursday 17:30 with 9 h (24 h on the wall clock) to spare.
        var ticket = new TicketScript().Opened("2026-10-14 08:30", "P3").Responded("2026-10-14 08:40").Resolved("2026-10-15 17:30");
        var at = At("2026-10-16 09:00");
        var clock = new SlaEngine(Settings).Assess(ticket.History, at).Clock(ClockPlanner.ResolutionId);

        var json = ClockJson.Write(clock, Settings.Calendars["Business"], at);

        Assert.Equal("met", (string?)json["state"]);
        Assert.Equal("PT9H", (string?)json["spare"]!["working"]);
        Assert.Equal("PT24H", (string?)json["spare"]!["calendar"]);
    }

    [Fact]
    public void A_first_response_that_never_came_is_unanswered()
    {
        var ticket = new TicketScript().Opened("2026-10-14 09:00", "P3").Closed("2026-10-14 09:10");
        var at = At("2026-10-14 10:00");
        var clock = new SlaEngine(Settings).Assess(ticket.History, at).Clock(ClockPlanner.FirstResponseId);

        var json = ClockJson.Write(clock, Settings.Calendars["Business"], at);

        Assert.Equal("unanswered", (string?)json["state"]);
        Assert.Equal("TicketClosed", (string?)json["stoppedBy"]);
        Assert.Null(json["spare"]);
    }
}

public class StepsJsonTests
{
    [Fact]
    public void A_warning_due_after_its_deadline_is_shown_as_not_sent_with_the_reason()
    {
        // A promise made Friday evening for 20:00 on business hours: its warning would wait for Monday, after the deadline.
        var ticket = new TicketScript().Opened("2026-10-16 17:00", "P3").Responded("2026-10-16 17:10").Committed("2026-10-16 17:20", "2026-10-16 20:00");
        var assessment = new SlaEngine(TestSettings.Defaults()).Assess(ticket.History, At("2026-10-19 09:00"));

        var steps = StepsJson.Write(assessment, ticket.History, new Dictionary<string, AfterSales.Core.Application.StepStatus>());

        var warning = steps.Single(s => (string?)s!["key"] == "T-1/commitment@T-1-e3/warning/1")!;
        Assert.StartsWith("superseded", (string?)warning["notSent"], StringComparison.Ordinal);
        Assert.Null(steps.Single(s => (string?)s!["key"] == "T-1/commitment@T-1-e3/supervisor/1")!["notSent"]);
    }
}
