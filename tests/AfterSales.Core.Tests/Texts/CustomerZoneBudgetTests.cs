using AfterSales.Core.Events;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Texts;

/// <summary>The contact budget's day is the customer's own local day when the event carried their time zone.</summary>
public sealed class CustomerZoneBudgetTests
{
    private static readonly TextSettings Settings = TextTestSettings.Defaults();
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static CustomerText Progress(string? timeZone) =>
        new("T-2/text/x", "T-2", TextKind.Progress, At("2026-10-13 15:00"), At("2026-10-13 15:00"), false, "C-1", "+4915112345678", null, "en",
            new RenderedText("…", SmsSegments.Measure("…")), timeZone);

    private static SentText Sent(string at) => new("T-1/text/y", TextKind.Progress, At(at), false);

    [Fact]
    public void Two_texts_on_one_service_day_but_two_of_the_customers_days_are_both_sent()
    {
        // 10-13 05:00 Shanghai is 10-12 23:00 in Berlin; 10-13 15:00 Shanghai is 10-13 09:00 in Berlin.
        var inBerlin = ContactBudget.Decide(Progress("Europe/Berlin"), At("2026-10-13 15:00"), [Sent("2026-10-13 05:00")], Settings);
        var withoutZone = ContactBudget.Decide(Progress(null), At("2026-10-13 15:00"), [Sent("2026-10-13 05:00")], Settings);

        Assert.True(inBerlin.Send);
        Assert.False(withoutZone.Send);
    }

    [Fact]
    public void A_held_text_waits_for_the_end_of_the_customers_night_and_names_their_day()
    {
        // Both on 10-13 in Berlin (08:00 and 17:00 there): held until Berlin's next morning, after its quiet hours.
        var decision = ContactBudget.Decide(Progress("Europe/Berlin"), At("2026-10-13 23:00"), [Sent("2026-10-13 14:00")], Settings);

        Assert.False(decision.Send);
        Assert.Contains("2026-10-13", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(new LocalDateTime(2026, 10, 14, 8, 0).InZoneStrictly(Berlin).ToInstant(), decision.NextChanceAt);
    }

    [Fact]
    public void A_composed_text_carries_the_customers_zone_to_the_budget()
    {
        var composer = new CustomerTextComposer(Settings);
        var customer = new Customer("C-1", "Anna", "+4915112345678", null, "en", "Europe/Berlin");

        var text = composer.Compose("T-2/text/x", "T-2", TextKind.Progress, customer, "P3", At("2026-10-13 15:00"),
            new Dictionary<string, string>(StringComparer.Ordinal) { [TextPlaceholders.TicketNumber] = "T-2" });

        Assert.Equal("Europe/Berlin", text!.TimeZone);
        Assert.Null(composer.Compose("T-2/text/x", "T-2", TextKind.Progress, customer with { TimeZone = null }, "P3", At("2026-10-13 15:00"),
            new Dictionary<string, string>(StringComparer.Ordinal) { [TextPlaceholders.TicketNumber] = "T-2" })!.TimeZone);
    }
}
