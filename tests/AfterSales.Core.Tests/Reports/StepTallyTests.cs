using AfterSales.Core.Reports;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Tests.Reports;

public sealed class StepTallyTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Fact]
    public void Steps_of_many_update_periods_on_one_day_add_to_one_counter_per_kind_of_clock_and_level()
    {
        var sentAt = Instant.FromUtc(2026, 11, 3, 2, 0);
        var day = DailyTally.Empty("metro", new LocalDate(2026, 11, 3));

        for (var i = 0; i < 500; i++)
        {
            day = day.Add(ActivityTallies.StepSent(Step($"T-{i}", $"update@evt-{i}", LadderTrigger.Breach), "metro", sentAt, Shanghai));
            day = day.Add(ActivityTallies.StepSent(Step($"T-{i}", $"commitment@evt-c{i}", LadderTrigger.Warning), "metro", sentAt, Shanghai));
        }

        Assert.Equal(
            new Dictionary<string, long> { ["breach/update"] = 500, ["sent/commitment/supervisor"] = 500, ["sent/update/supervisor"] = 500 },
            day.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary());
        var figures = ReportFigures.Of([day]);
        Assert.Equal(500, figures.Breaches);
        Assert.Equal(1000, figures.EscalationsPerLevel["supervisor"]);
    }

    private static EscalationStep Step(string ticketId, string clockId, LadderTrigger trigger)
    {
        var at = Instant.FromUtc(2026, 11, 3, 1, 0);
        return new EscalationStep(
            EscalationStep.KeyFor(ticketId, clockId, "supervisor", 1), ticketId, 1, "supervisor", trigger, ClockKind.Update, clockId,
            "Supervisor", "sup@example.com", at, at, at, "Reply to the customer.");
    }
}
