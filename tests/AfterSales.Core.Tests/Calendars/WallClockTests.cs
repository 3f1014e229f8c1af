using AfterSales.Core.Calendars;
using NodaTime;

namespace AfterSales.Core.Tests.Calendars;

public class WallClockTests
{
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Pacific/Apia")]
    [InlineData("America/Sao_Paulo")]
    [InlineData("America/St_Johns")]
    [InlineData("Antarctica/Troll")]
    [InlineData("Asia/Shanghai")]
    [InlineData("UTC")]
    public void Maps_local_times_like_nodatime_with_earlier_and_start_of_interval_after(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var transitions = zone.GetZoneIntervals(Instant.FromUtc(2005, 1, 1, 0, 0), Instant.FromUtc(2030, 1, 1, 0, 0))
            .Where(interval => interval.HasStart)
            .Select(interval => interval.Start)
            .Append(Instant.FromUtc(2026, 6, 1, 0, 0));

        foreach (var transition in transitions)
        {
            var around = transition.InUtc().LocalDateTime.PlusHours(-36);
            for (var step = 0; step < 72 * 4; step++, around = around.PlusMinutes(15))
            {
                Assert.Equal(zone.ResolveLocal(around, WallClock.Resolver).ToInstant(), WallClock.ToInstant(zone, around));
            }
        }
    }

    [Fact]
    public void A_skipped_calendar_day_maps_to_the_next_day_start()
    {
        // Samoa skipped Fri 2011-12-30 entirely when it crossed the date line.
        var zone = DateTimeZoneProviders.Tzdb["Pacific/Apia"];

        var instant = WallClock.ToInstant(zone, new LocalDateTime(2011, 12, 30, 12, 0));

        Assert.Equal(new LocalDateTime(2011, 12, 31, 0, 0), instant.InZone(zone).LocalDateTime);
    }
}
