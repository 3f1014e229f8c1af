using AfterSales.Core.Events;
using AfterSales.Core.Simulation;
using AfterSales.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Simulation;

public class SimulatedRevisitsTests
{
    private static SimulationResult Simulate(params AfterSalesEvent[] events)
    {
        var settings = TestSettings.Defaults();
        var parser = new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.MaxFutureSkew, new FakeTimeProvider(CliRun.Today));
        return new Simulator(settings, TextTestSettings.With(settings), parser, ShanghaiTime.Zone)
            .Run(events.Select(e => TicketEventWriter.ToJson(e, Offset.FromHours(8))));
    }

    private static ProductDelivered Delivered(string at, string installationId = "SN-1", string? phone = "+8613800138000") =>
        new("d-1", At(at), null, TicketScript.Customer with { Phone = phone }, installationId, null);

    [Fact]
    public void A_delivery_enrols_its_installation_and_says_which_revisits_follow()
    {
        var result = Simulate(Delivered("2026-01-31 10:00"));

        var enrolled = Assert.Single(result.Timeline, e => e.Kind == TimelineKind.Received);
        Assert.Contains("REVISITS enrolled: 28 revisits, 2026-02-28 to 2031-01-31", enrolled.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_revisit_of_the_first_year_calls_the_customer_texts_them_at_nine_and_lists_the_call_for_the_team()
    {
        var result = Simulate(Delivered("2026-01-31 10:00"));

        var revisits = result.Timeline.Where(e => e.Kind == TimelineKind.Revisit).Select(e => Show(e.At)).ToList();
        Assert.Equal(["2026-02-28 09:00", "2026-03-31 09:00", "2026-04-30 09:00"], revisits.Take(3));
        Assert.Equal(12, revisits.Count(r => r.StartsWith("2026", StringComparison.Ordinal) || r.StartsWith("2027-01", StringComparison.Ordinal)));
        var text = Assert.Single(result.Timeline, e => e.Kind == TimelineKind.Text && e.CustomerText?.Key == "revisit/SN-1/2026-03-31");
        Assert.Equal(At("2026-03-31 09:00"), text.At);
        var callList = Assert.Single(result.Timeline, e => e.Kind == TimelineKind.RevisitCallList && e.At == At("2026-03-31 09:00"));
        Assert.Contains("revisits@example.com", callList.Text, StringComparison.Ordinal);
        Assert.Contains("SN-1 #2", callList.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revisit_text_due_on_a_public_holiday_waits_for_the_next_allowed_morning()
    {
        // Delivered 1 Sep: the revisit of 1 Oct falls in the National Day holiday, a quiet day for non-P1 texts.
        var result = Simulate(Delivered("2026-09-01 10:00"));

        var text = Assert.Single(result.Timeline, e => e.Kind == TimelineKind.Text && e.CustomerText?.Key == "revisit/SN-1/2026-10-01");
        Assert.Equal("2026-10-08 08:00", Show(text.At));
    }
}
