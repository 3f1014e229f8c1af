using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Functions.Tests.PolicyRules;

/// <summary>The policy rules through the Functions app's own composition: health, start-up, the outbox recovery timer, ingestion.</summary>
public sealed class PolicyRuleFunctionTests
{
    private static readonly TimerInfo Tick = new();

    [Theory]
    [InlineData("2026-10-16 09:00", "covered")]
    [InlineData("2026-11-20 09:00", "running-out")]
    [InlineData("2027-01-02 09:00", "ran-out")]
    public async Task Health_lists_how_far_each_calendar_holidays_reach(string now, string coverage)
    {
        const string unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        using var provider = ComposedService.Build(unreachable, "health", now, [], out _);

        var response = await ActivatorUtilities.CreateInstance<Health>(provider).Run(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request).AnswerAsync();

        var calendar = Assert.Single(response.Json().GetProperty("calendars").EnumerateArray());
        Assert.Equal("Business", calendar.Text("name"));
        Assert.Equal("2026", calendar.Text("holidayYears"));
        Assert.Equal("2026-12-31T16:00:00Z", calendar.Text("runsOutAt"));
        Assert.Equal(coverage, calendar.Text("coverage"));
    }

    [Fact]
    public async Task Start_up_warns_of_a_calendar_running_out_and_names_the_keys_to_set()
    {
        await using var app = await FunctionsApp.StartAsync("2026-11-20 09:00");

        var warning = Assert.Single(app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Calendar Business", StringComparison.Ordinal));
        Assert.Contains("runs out in 42 days", warning, StringComparison.Ordinal);
        Assert.Contains("Calendars__Business__Holidays", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_says_nothing_of_a_calendar_covered_beyond_the_notice_period()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:00");

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Calendar Business", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_outbox_recovery_timer_mails_the_calendar_notice_once_to_the_admin()
    {
        await using var app = await FunctionsApp.StartAsync("2026-11-20 09:00", ("Escalation:Teams:Default:Admin", "admin@example.com"));

        await app.InvokeAsync<OutboxRecovery>(f => f.Run(Tick, CancellationToken.None));
        app.SetTime("2026-11-20 09:10");
        await app.InvokeAsync<OutboxRecovery>(f => f.Run(Tick, CancellationToken.None));
        await app.InvokeAsync<OutboxRecovery>(f => f.Run(Tick, CancellationToken.None));

        var email = File.ReadAllText(Assert.Single(Directory.GetFiles(app.PickupDirectory, "*.eml")));
        Assert.Contains("admin@example.com", email, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Calendar coverage: 1 notice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingestion_counts_openings_per_customer_and_flags_the_third_to_the_manager_once()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:00");
        var ingestion = app.Get<TicketEventIngestion>();
        string[] payloads =
        [
            new TicketScript("T-1").Opened("2026-09-01 09:00").Payloads.Single(),
            new TicketScript("T-2").Opened("2026-10-01 09:00").Payloads.Single(),
            new TicketScript("T-3").Opened("2026-10-16 09:00").Payloads.Single(),
        ];

        foreach (var payload in payloads.Concat(payloads)) await ingestion.IngestAsync(payload, "test", CancellationToken.None);

        var flag = Assert.Single(app.NotificationsQueue.Messages);
        Assert.Equal("T-3/three-strikes/three-strikes/1", flag.MessageId);
        var statuses = await app.Get<IStepStatuses>().ForTicketAsync("T-3", CancellationToken.None);
        Assert.Contains(statuses, s => s.StepKey == "T-3/three-strikes/three-strikes/1");
    }
}
