using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;

namespace AfterSales.Azure.Tests.PolicyRules;

/// <summary>The major incident chain and the fault-report clock through the real sweep and outbox, and the calendar notice.</summary>
public sealed class MajorIncidentSweepTests : StorageTest
{
    private static readonly string[] Chain =
    [
        "major-incident-department-head major-incident → head@example.com @ 2026-10-12 09:00",
        "major-incident-duty-manager major-incident → duty@example.com @ 2026-10-12 09:00",
        "major-incident-manager major-incident → manager@example.com @ 2026-10-12 09:00",
    ];

    private static string[] Incident(IEnumerable<string> lines) =>
        [.. lines.Where(l => l.Contains("major-incident ", StringComparison.Ordinal) || l.Contains("fault-report ", StringComparison.Ordinal))];

    [Fact]
    public async Task A_P1_reports_to_the_chain_at_once_and_after_resolution_the_owner_is_reminded_and_the_manager_told_when_late()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00");
        var ticket = new TicketScript("T-1").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00");
        await service.IngestAllAsync(ticket);

        await service.SweepAtAsync("2026-10-12 09:00");
        await service.SweepAtAsync("2026-10-12 10:00");
        await service.SweepAtAsync("2026-10-14 12:15");
        await service.SweepAtAsync("2026-10-14 12:15");
        await service.SweepAtAsync("2026-10-15 10:00");
        var lines = Incident(await service.OutboxLinesAsync());

        Assert.Equal(
            [
                .. Chain,
                "fault-report-reminder fault-report → li.wei@example.com @ 2026-10-14 12:15",
                "fault-report-late fault-report → manager@example.com @ 2026-10-15 10:00",
            ],
            lines);
    }

    [Fact]
    public async Task FaultReportFiled_stops_the_clock_so_the_late_notice_never_goes()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-12 09:00");
        var ticket = new TicketScript("T-2").Opened("2026-10-12 09:00", "P1").Resolved("2026-10-12 10:00");
        await service.IngestAllAsync(ticket);
        await service.SweepAtAsync("2026-10-12 10:00");
        await service.SweepAtAsync("2026-10-14 12:15");

        service.SetTime("2026-10-14 16:00");
        await service.IngestAsync(ticket.FaultReportFiled("2026-10-14 16:00").Events[^1]);
        await service.SweepAtAsync("2026-10-14 16:00");
        await service.SweepAtAsync("2026-10-16 09:00");

        Assert.DoesNotContain(await service.OutboxLinesAsync(), l => l.StartsWith("fault-report-late", StringComparison.Ordinal));
        Assert.Contains(await service.OutboxLinesAsync(), l => l.StartsWith("fault-report-reminder", StringComparison.Ordinal));
        Assert.Empty(await DueRowsOfAsync("T-2"));
    }

    [Fact]
    public async Task The_calendar_notice_goes_once_per_calendar_and_year_and_not_before_the_notice_period()
    {
        var service = new ServiceUnderTest(Tables, "2026-10-01 09:00");
        var notice = new CalendarCoverageNotice(service.Settings, Tables.Outbox, service.Queue, service.Clock);

        var early = await notice.RunAsync(CancellationToken.None);
        service.SetTime("2026-11-20 09:00");
        var first = await notice.RunAsync(CancellationToken.None);
        service.SetTime("2026-11-20 09:05");
        var again = await notice.RunAsync(CancellationToken.None);

        Assert.Empty(early);
        var step = Assert.Single(first);
        Assert.Equal("calendar:Business/calendar-coverage/calendar-coverage/2027", step.Key);
        Assert.Empty(again);
        Assert.Equal(1, service.Queue.Count);
        Assert.NotNull(await Tables.Outbox.GetAsync(CalendarCoverageNotice.SubjectOf("Business"), step.Key, CancellationToken.None));
    }

    [Fact]
    public async Task A_calendar_covering_next_year_too_sends_no_notice()
    {
        var settings = TestSettings.With(("Calendars:Business:HolidayYears", "2026-2027"));
        var service = new ServiceUnderTest(Tables, "2026-11-20 09:00", settings);

        var sent = await new CalendarCoverageNotice(settings, Tables.Outbox, service.Queue, service.Clock).RunAsync(CancellationToken.None);

        Assert.Empty(sent);
        Assert.Equal(CoverageState.Covered, CalendarCoverage.StatusOf(settings.Calendars["Business"], NodaTime.Instant.FromDateTimeOffset(service.Clock.GetUtcNow()), settings.CalendarCoverage.NoticeBefore).State);
    }
}
