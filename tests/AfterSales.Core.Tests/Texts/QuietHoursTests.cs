using AfterSales.Core.Texts;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Texts;

public class QuietHoursTests
{
    private static readonly QuietHours Night = QuietHours.Night();

    [Theory]
    [InlineData("2026-10-12 20:59", "2026-10-12 20:59")]
    [InlineData("2026-10-12 21:00", "2026-10-13 08:00")]
    [InlineData("2026-10-12 23:45", "2026-10-13 08:00")]
    [InlineData("2026-10-13 00:00", "2026-10-13 08:00")]
    [InlineData("2026-10-13 03:10", "2026-10-13 08:00")]
    [InlineData("2026-10-13 08:00", "2026-10-13 08:00")]
    public void A_text_due_at_night_waits_for_eight_in_the_morning_across_midnight(string due, string expected)
    {
        Assert.Equal(expected, Show(Night.NextAllowed(At(due), Zone, isP1: false)));
    }

    [Fact]
    public void A_text_due_seconds_before_the_end_of_the_night_goes_at_the_whole_minute()
    {
        var due = At("2026-10-13 07:59") + Duration.FromSeconds(30);

        Assert.Equal(At("2026-10-13 08:00"), Night.NextAllowed(due, Zone, isP1: false));
    }

    [Fact]
    public void The_same_instant_is_night_for_one_customer_and_afternoon_for_another()
    {
        var instant = Instant.FromUtc(2026, 10, 12, 13, 0); // 21:00 in Shanghai, 15:00 in Berlin
        var berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

        Assert.Equal(At("2026-10-13 08:00"), Night.NextAllowed(instant, Zone, isP1: false));
        Assert.Equal(instant, Night.NextAllowed(instant, berlin, isP1: false));
        Assert.Equal(Instant.FromUtc(2026, 10, 13, 6, 0), Night.NextAllowed(Instant.FromUtc(2026, 10, 12, 20, 0), berlin, isP1: false));
    }

    [Fact]
    public void The_morning_after_a_daylight_saving_change_is_eight_local_time()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var due = new LocalDateTime(2026, 3, 7, 22, 0).InZoneStrictly(newYork).ToInstant(); // EST, the night clocks spring forward

        Assert.Equal(new LocalDateTime(2026, 3, 8, 8, 0).InZoneStrictly(newYork).ToInstant(), Night.NextAllowed(due, newYork, isP1: false));
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 12, 0), Night.NextAllowed(due, newYork, isP1: false));
    }

    [Fact]
    public void A_quiet_period_ending_inside_the_spring_forward_gap_ends_when_the_gap_does()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var quiet = new QuietHours(new LocalTime(21, 0), new LocalTime(2, 30), new HashSet<LocalDate>());
        var due = new LocalDateTime(2026, 3, 8, 1, 0).InZoneStrictly(newYork).ToInstant();

        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), quiet.NextAllowed(due, newYork, isP1: false)); // 03:00 EDT
    }

    [Fact]
    public void A_public_holiday_is_quiet_all_day_unless_the_ticket_is_P1()
    {
        var holidays = new HashSet<LocalDate> { new(2026, 10, 1), new(2026, 10, 2), new(2026, 10, 3) };
        var quiet = QuietHours.Night(holidays);

        Assert.Equal("2026-10-04 08:00", Show(quiet.NextAllowed(At("2026-10-02 10:00"), Zone, isP1: false)));
        Assert.Equal("2026-10-02 10:00", Show(quiet.NextAllowed(At("2026-10-02 10:00"), Zone, isP1: true)));
        Assert.Equal("2026-10-03 08:00", Show(quiet.NextAllowed(At("2026-10-02 22:00"), Zone, isP1: true)));
        Assert.Equal("2026-10-04 08:00", Show(quiet.NextAllowed(At("2026-09-30 22:00"), Zone, isP1: false)));
    }

    [Fact]
    public void Quiet_hours_within_one_day_and_none_at_all_are_possible()
    {
        var siesta = new QuietHours(new LocalTime(12, 0), new LocalTime(14, 0), new HashSet<LocalDate>());
        var none = new QuietHours(LocalTime.Midnight, LocalTime.Midnight, new HashSet<LocalDate>());

        Assert.Equal("2026-10-12 14:00", Show(siesta.NextAllowed(At("2026-10-12 12:30"), Zone, isP1: false)));
        Assert.Equal("2026-10-12 23:00", Show(siesta.NextAllowed(At("2026-10-12 23:00"), Zone, isP1: false)));
        Assert.Equal("2026-10-12 03:00", Show(none.NextAllowed(At("2026-10-12 03:00"), Zone, isP1: false)));
    }
}
