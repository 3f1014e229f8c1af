using AfterSales.Core.Simulation;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Tests.Simulation;

public class FinishedClockTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 10, 12, 1, 0);
    private static readonly Instant Deadline = Start + Duration.FromHours(4);
    private static readonly Instant LeftPlay = Start + Duration.FromHours(3);

    private static ClockRun Clock(ClockKind kind, Instant? deadline, Instant? stoppedAt, string? stoppedBy) =>
        new(kind, kind == ClockKind.FirstResponse ? "first-response" : "resolution", 1, Start, Duration.FromHours(4), "Business",
            deadline is null ? null : Start + Duration.FromHours(3), deadline, stoppedAt, stoppedBy,
            stoppedAt is { } stop ? stop - Start : null);

    public static TheoryData<string> Cases() => ["met", "missed", "unanswered", "running", "overdue", "paused"];

    private static ClockRun Case(string name) => name switch
    {
        "met" => Clock(ClockKind.FirstResponse, Deadline, Start + Duration.FromHours(1), "AgentResponded"),
        "missed" => Clock(ClockKind.Resolution, Start + Duration.FromHours(2), Start + Duration.FromHours(3), "TicketResolved"),
        "unanswered" => Clock(ClockKind.FirstResponse, Deadline, Start + Duration.FromHours(2), "TicketClosed"),
        "running" => Clock(ClockKind.Resolution, Deadline, null, null),
        "overdue" => Clock(ClockKind.Resolution, Start + Duration.FromHours(1), null, null),
        _ => Clock(ClockKind.Resolution, null, null, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Its_outcome_is_the_clock_runs_at_any_instant_from_when_the_ticket_left_play(string name)
    {
        var clock = Case(name);
        var finished = FinishedClock.Of(clock, LeftPlay);

        foreach (var end in new[] { LeftPlay, Deadline - Duration.FromMinutes(1), Deadline, Deadline + Duration.FromMinutes(1), LeftPlay + Duration.FromDays(40) })
            Assert.Equal(clock.OutcomeAt(end), finished.OutcomeAt(end));
    }

    [Fact]
    public void A_running_clock_is_overdue_once_the_run_ends_after_its_deadline()
    {
        var finished = FinishedClock.Of(Case("running"), LeftPlay);

        Assert.Equal(ClockOutcome.Running, finished.OutcomeAt(Deadline));
        Assert.Equal(ClockOutcome.Overdue, finished.OutcomeAt(Deadline + Duration.FromSeconds(1)));
    }

    [Fact]
    public void Only_a_first_reply_by_the_agent_keeps_its_reply_time()
    {
        Assert.Equal(Duration.FromHours(1), FinishedClock.Of(Case("met"), LeftPlay).ReplyTime);
        Assert.Null(FinishedClock.Of(Case("unanswered"), LeftPlay).ReplyTime);
        Assert.Null(FinishedClock.Of(Case("running"), LeftPlay).ReplyTime);
    }

    [Fact]
    public void A_reply_time_is_kept_to_the_nanosecond()
    {
        var replied = Start + Duration.FromNanoseconds(3_600_000_000_123);
        var clock = Clock(ClockKind.FirstResponse, Deadline, replied, "AgentResponded");

        Assert.Equal(replied - Start, FinishedClock.Of(clock, LeftPlay).ReplyTime);
    }

    [Fact]
    public void A_finished_clock_takes_forty_bytes_as_a_million_of_them_are_kept_at_a_large_helpdesks_month()
    {
        Assert.Equal(40, System.Runtime.CompilerServices.Unsafe.SizeOf<FinishedClock>());
    }

    [Fact]
    public void A_produced_step_gives_back_the_key_of_the_step_it_was_made_of()
    {
        var step = new EscalationStep(EscalationStep.KeyFor("T-9", "update@e-4", "supervisor", 2), "T-9", 2, "supervisor", LadderTrigger.Breach,
            ClockKind.Update, "update@e-4", "supervisor", null, Start, Start, Deadline, "");

        Assert.Equal(step.Key, ProducedStep.Of(step).KeyFor("T-9"));
        Assert.Equal("supervisor", ProducedStep.Of(step).Level);
    }
}
