using AfterSales.Core.Events;
using AfterSales.Core.Simulation;
using AfterSales.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.Core.Tests.Simulation;

/// <summary>The simulation shows each three-strikes flag, incident chain and fault-report step at its instant.</summary>
public class SimulatedPolicyRulesTests
{
    private static SimulationResult Simulate(params TicketScript[] tickets)
    {
        var settings = TestSettings.Defaults();
        var parser = new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.MaxFutureSkew, new FakeTimeProvider(CliRun.Today));
        var lines = tickets.SelectMany(t => t.Events).Select(e => TicketEventWriter.ToJson(e, Offset.FromHours(8)));
        return new Simulator(settings, TextTestSettings.With(settings), parser, ShanghaiTime.Zone).Run(lines);
    }

    private static List<string> Lines(SimulationResult result, string ticketId, string contains) =>
        [.. result.Timeline.Where(e => e.TicketId == ticketId && e.Text.Contains(contains, StringComparison.Ordinal))
            .Select(e => $"{ShanghaiTime.Show(e.At)} {e.Text}")];

    [Fact]
    public void A_P1_shows_its_chain_at_the_opening_and_its_fault_report_clock_after_the_resolution()
    {
        var result = Simulate(new TicketScript("T-9").Opened("2026-10-12 09:00", "P1").Responded("2026-10-12 09:05").Resolved("2026-10-12 10:00")
            .FaultReportFiled("2026-10-14 15:00"));

        Assert.Equal(
            [
                "2026-10-12 09:00 MAJOR INCIDENT reported [major-incident-department-head] -> DepartmentHead head@example.com (T-9/major-incident/major-incident-department-head/1)",
                "2026-10-12 09:00 MAJOR INCIDENT reported [major-incident-duty-manager] -> DutyManager duty@example.com (T-9/major-incident/major-incident-duty-manager/1)",
                "2026-10-12 09:00 MAJOR INCIDENT reported [major-incident-manager] -> Manager manager@example.com (T-9/major-incident/major-incident-manager/1)",
            ],
            Lines(result, "T-9", "MAJOR INCIDENT"));
        Assert.Equal(
            [
                "2026-10-12 10:00 fault-report deadline 2026-10-15 10:00 (27 h working time, Business calendar)",
                "2026-10-14 12:15 WARNING fault-report [fault-report-reminder: sent 6 h 45 min working time (21 h 45 min) before the fault-report deadline] -> Owner li.wei@example.com (T-9/fault-report/fault-report-reminder/1)",
                "2026-10-14 15:00 fault-report met, 4 h working time (19 h) to spare",
            ],
            Lines(result, "T-9", "fault-report"));
    }

    [Fact]
    public void The_third_ticket_of_a_customer_in_90_days_shows_one_three_strikes_flag_at_its_opening()
    {
        var result = Simulate(
            new TicketScript("T-1").Opened("2026-09-01 09:00").Resolved("2026-09-01 12:00"),
            new TicketScript("T-2").Opened("2026-09-20 09:00").Resolved("2026-09-20 12:00"),
            new TicketScript("T-3").Opened("2026-10-12 09:00").Resolved("2026-10-12 12:00"),
            new TicketScript("T-4").Opened("2026-10-13 09:00").Resolved("2026-10-13 12:00"));

        var flags = result.Timeline.Where(e => e.Step?.ClockId == "three-strikes").ToList();
        var flag = Assert.Single(flags);
        Assert.Equal(("T-3", ShanghaiTime.At("2026-10-12 09:00")), (flag.TicketId, flag.At));
        Assert.Equal(
            "THREE STRIKES: 3 tickets of one customer in 90 days (T-1, T-2, T-3) [three-strikes] -> Manager manager@example.com (T-3/three-strikes/three-strikes/1)",
            flag.Text);
    }

    [Fact]
    public void The_json_timeline_of_the_sample_carries_the_chain_and_the_fault_report_steps_with_key_level_role_and_recipient()
    {
        var run = CliRun.Of("simulate", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var steps = json.RootElement.GetProperty("timeline").EnumerateArray()
            .Where(e => e.TryGetProperty("stepKey", out _) && e.GetProperty("ticketId").GetString() == "T-1002")
            .Select(e => $"{e.GetProperty("at").GetString()} {e.GetProperty("level").GetString()} {e.GetProperty("role").GetString()} {e.GetProperty("recipient").GetString()}")
            .ToList();

        Assert.Contains("2026-10-13T02:10:00+08:00 major-incident-duty-manager DutyManager duty.manager@example.com", steps);
        Assert.Contains("2026-10-13T02:10:00+08:00 major-incident-manager Manager after-sales.manager@example.com", steps);
        // T-1002's report was filed on 10-14 16:00, after no reminder was due yet: no fault-report step at all.
        Assert.DoesNotContain(steps, s => s.Contains("fault-report", StringComparison.Ordinal));
        Assert.Contains(json.RootElement.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("ticketId").GetString() == "T-1001" && e.TryGetProperty("level", out var level) && level.GetString() == "fault-report-late");
    }
}
