using AfterSales.Core.Events;
using AfterSales.Core.Revisits;
using AfterSales.Core.Simulation;
using AfterSales.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Revisits;

/// <summary>A customer abroad (<c>customer.timeZone</c> on the delivery): revisits count from their date and texts respect their night.</summary>
public sealed class CustomerZoneRevisitTests
{
    private static readonly Customer InBerlin = TicketScript.Customer with { TimeZone = "Europe/Berlin" };

    private static ProductDelivered Delivered(string at, Customer customer) => new("d-1", At(at), null, customer, "SN-1", null);

    [Fact]
    public void The_delivery_date_is_the_customers_own_date()
    {
        // 31 Jan 04:00 in Shanghai is still 30 Jan (21:00) in Berlin.
        var abroad = RevisitEnrolment.ProgrammeOf(Delivered("2026-01-31 04:00", InBerlin), Zone);
        var athome = RevisitEnrolment.ProgrammeOf(Delivered("2026-01-31 04:00", TicketScript.Customer), Zone);

        Assert.Equal((new LocalDate(2026, 1, 30), "Europe/Berlin"), (abroad.DeliveredOn, abroad.TimeZone));
        Assert.Equal((new LocalDate(2026, 1, 31), (string?)null), (athome.DeliveredOn, athome.TimeZone));
    }

    [Fact]
    public void A_check_in_text_due_in_the_customers_night_waits_for_their_morning()
    {
        var settings = TestSettings.Defaults();
        var parser = new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.MaxFutureSkew, new FakeTimeProvider(CliRun.Today));
        var result = new Simulator(settings, TextTestSettings.With(settings), parser, Zone)
            .Run([TicketEventWriter.ToJson(Delivered("2026-01-31 10:00", InBerlin), Offset.FromHours(8))]);

        // The team's revisit day starts at 09:00 in the service's zone, 03:00 in Berlin: inside Berlin's quiet hours
        // (21:00-08:00), so the text goes at 08:00 Berlin time, 14:00 in Shanghai.
        var revisit = Assert.Single(result.Timeline, e => e.Kind == TimelineKind.Revisit && e.At == At("2026-03-31 09:00"));
        var text = Assert.Single(result.Timeline, e => e.CustomerText?.Key == "revisit/SN-1/2026-03-31");
        Assert.Equal(TimelineKind.Text, text.Kind);
        Assert.Equal("2026-03-31 14:00", Show(text.At));
        Assert.Equal("Europe/Berlin", text.CustomerText!.TimeZone);
    }
}
