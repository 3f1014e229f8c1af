using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;
using NodaTime;
using static AfterSales.Core.Tests.TestSupport.ShanghaiTime;

namespace AfterSales.Core.Tests.Texts;

public class ContactBudgetTests
{
    private static readonly TextSettings Settings = TextTestSettings.Defaults();

    private static CustomerText Text(TextKind kind, string key = "T-2/text/x", bool exempt = false) =>
        new(key, "T-2", kind, At("2026-10-12 15:00"), At("2026-10-12 15:00"), exempt, "C-1", "+8613800138000", null, "zh-CN",
            new RenderedText("…", SmsSegments.Measure("…")));

    private static SentText Sent(TextKind kind, string at, bool exempt = false, string key = "T-1/text/y") => new(key, kind, At(at), exempt);

    [Fact]
    public void The_first_non_urgent_text_of_the_day_is_sent()
    {
        var decision = ContactBudget.Decide(Text(TextKind.Progress), At("2026-10-12 15:00"), [Sent(TextKind.Progress, "2026-10-11 16:00")], Settings);

        Assert.True(decision.Send);
    }

    [Theory]
    [InlineData(TextKind.Progress)]
    [InlineData(TextKind.SurveyReminder)]
    [InlineData(TextKind.Revisit)]
    public void A_second_non_urgent_text_the_same_local_day_is_held_until_the_next_morning(TextKind kind)
    {
        var decision = ContactBudget.Decide(Text(kind), At("2026-10-12 15:00"), [Sent(TextKind.Revisit, "2026-10-12 09:00")], Settings);

        Assert.False(decision.Send);
        Assert.Equal(At("2026-10-13 08:00"), decision.NextChanceAt);
        Assert.Contains("held by budget: 1 non-urgent text(s) already went to this customer on 2026-10-12 (at most 1 a day)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_day_is_the_customers_local_day_not_utc()
    {
        // 07:30 Shanghai on the 13th is still the 12th in UTC: a new local day, so the budget is fresh.
        var decision = ContactBudget.Decide(Text(TextKind.Progress), At("2026-10-13 07:30"), [Sent(TextKind.Progress, "2026-10-12 20:00")], Settings);

        Assert.True(decision.Send);
    }

    [Fact]
    public void Exempt_texts_are_never_held_and_do_not_use_up_the_budget()
    {
        var sent = new[] { Sent(TextKind.Acknowledgement, "2026-10-12 09:00", exempt: true), Sent(TextKind.Progress, "2026-10-12 10:00", exempt: true) };

        Assert.True(ContactBudget.Decide(Text(TextKind.Progress), At("2026-10-12 15:00"), sent, Settings).Send);
        Assert.True(ContactBudget.Decide(Text(TextKind.AppointmentDayBefore, exempt: true), At("2026-10-12 15:00"),
            [Sent(TextKind.Progress, "2026-10-12 10:00")], Settings).Send);
    }

    [Fact]
    public void A_second_survey_within_30_days_is_held_for_good_and_one_after_30_days_is_sent()
    {
        var held = ContactBudget.Decide(Text(TextKind.Survey), At("2026-10-12 15:00"), [Sent(TextKind.Survey, "2026-09-13 16:00")], Settings);
        var allowed = ContactBudget.Decide(Text(TextKind.Survey), At("2026-10-12 15:00"), [Sent(TextKind.Survey, "2026-09-12 15:00")], Settings);

        Assert.Equal((false, (Instant?)null), (held.Send, held.NextChanceAt));
        Assert.Contains("surveyed on 2026-09-13, at most one survey per 30 days", held.Reason, StringComparison.Ordinal);
        Assert.True(allowed.Send);
    }

    [Fact]
    public void A_survey_is_not_counted_against_the_daily_budget_nor_held_by_it()
    {
        Assert.True(ContactBudget.Decide(Text(TextKind.Progress), At("2026-10-12 15:00"), [Sent(TextKind.Survey, "2026-10-12 09:00")], Settings).Send);
        Assert.True(ContactBudget.Decide(Text(TextKind.Survey), At("2026-10-12 15:00"), [Sent(TextKind.Progress, "2026-10-12 09:00")], Settings).Send);
    }

    [Fact]
    public void The_text_itself_already_recorded_does_not_hold_itself()
    {
        var decision = ContactBudget.Decide(Text(TextKind.Progress, key: "T-2/text/x"), At("2026-10-12 15:00"),
            [Sent(TextKind.Progress, "2026-10-12 15:00", key: "T-2/text/x")], Settings);

        Assert.True(decision.Send);
    }

    [Fact]
    public void A_larger_daily_allowance_is_a_setting()
    {
        var two = TextTestSettings.With(("Texts:NonUrgentPerDay", "2"));

        Assert.True(ContactBudget.Decide(Text(TextKind.Progress), At("2026-10-12 15:00"), [Sent(TextKind.Progress, "2026-10-12 09:00")], two).Send);
    }
}
