using AfterSales.Core.Events;
using AfterSales.Core.Simulation;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AfterSales.Core.Tests.Simulation;

public class SimulatedTextsTests
{
    private static readonly Customer SameCustomer = TicketScript.Customer;

    private static SimulationResult Simulate(params TicketScript[] tickets)
    {
        var settings = TestSettings.Defaults();
        var parser = new TicketEventParser(settings.Sla.KnownPriorities, settings.Events.MaxFutureSkew, new FakeTimeProvider(CliRun.Today));
        var lines = tickets.SelectMany(t => t.Events).Select(e => TicketEventWriter.ToJson(e, Offset.FromHours(8)));
        return new Simulator(settings, TextTestSettings.With(settings), parser, ShanghaiTime.Zone).Run(lines);
    }

    private static List<TimelineEntry> Texts(SimulationResult result) =>
        [.. result.Timeline.Where(e => e.Kind is TimelineKind.Text or TimelineKind.TextHeld or TimelineKind.TextNotSent)];

    [Fact]
    public void An_acknowledgement_due_in_quiet_hours_is_sent_at_eight_the_next_morning_with_its_rendered_content()
    {
        var result = Simulate(new TicketScript("T-1").Opened("2026-10-12 22:30", "P3"));

        var ack = Assert.Single(Texts(result), e => e.CustomerText!.Kind == TextKind.Acknowledgement);
        Assert.Equal(TimelineKind.Text, ack.Kind);
        Assert.Equal(ShanghaiTime.At("2026-10-13 08:00"), ack.At);
        Assert.Equal(ShanghaiTime.At("2026-10-12 22:30"), ack.CustomerText!.DueAt);
        Assert.StartsWith("TEXT acknowledgement -> +86*********00 (T-1/text/ack/1, 1 segment, due 2026-10-12 22:30, deferred by quiet hours): \"张伟您好", ack.Text, StringComparison.Ordinal);
        Assert.Contains(ack.CustomerText.Text.Body, ack.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", ack.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_ticket_gets_its_survey_two_hours_later_and_one_reminder_48_hours_after_that()
    {
        var result = Simulate(new TicketScript("T-1").Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 09:10").Resolved("2026-10-12 10:00"));

        var texts = Texts(result).Where(e => e.CustomerText!.Kind is TextKind.Survey or TextKind.SurveyReminder).ToList();
        Assert.Equal(
            [(TextKind.Survey, ShanghaiTime.At("2026-10-12 12:00")), (TextKind.SurveyReminder, ShanghaiTime.At("2026-10-14 12:00"))],
            texts.Select(e => (e.CustomerText!.Kind, e.At)));
        Assert.All(texts, e => Assert.Equal(TimelineKind.Text, e.Kind));
        Assert.Contains($"{TextTestSettings.LinkBase}T-1.1.", texts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_non_urgent_text_the_same_day_is_held_by_the_budget_and_sent_the_next_morning()
    {
        var result = Simulate(
            new TicketScript("T-1").Opened("2026-10-12 09:00", "P3", customer: SameCustomer).Responded("2026-10-12 09:10"),
            new TicketScript("T-2").Opened("2026-10-12 09:00", "P3", customer: SameCustomer).Responded("2026-10-12 09:10"));

        var progress = Texts(result).Where(e => e.CustomerText!.Kind == TextKind.Progress).ToList();
        var first = progress[0];
        var held = Assert.Single(progress, e => e.Kind == TimelineKind.TextHeld);
        Assert.Equal(TimelineKind.Text, first.Kind);
        Assert.Equal(first.At, held.At);
        Assert.NotEqual(first.TicketId, held.TicketId);
        var nextMorning = ShanghaiTime.Zone.AtStartOfDay(first.At.InZone(ShanghaiTime.Zone).Date.PlusDays(1)).PlusHours(8).ToInstant();
        Assert.Contains($"held by budget: 1 non-urgent text(s) already went to this customer", held.Text, StringComparison.Ordinal);
        Assert.EndsWith($"tried again {new TimelineText(ShanghaiTime.Zone).Time(nextMorning)}", held.Text, StringComparison.Ordinal);
        Assert.Contains(progress, e => e.Kind == TimelineKind.Text && e.CustomerText!.Key == held.CustomerText!.Key && e.At == nextMorning);
    }

    [Fact]
    public void A_second_survey_within_30_days_is_held_for_good_and_gets_no_reminder()
    {
        var result = Simulate(
            new TicketScript("T-1").Opened("2026-10-12 09:00", "P3").Responded("2026-10-12 09:10").Resolved("2026-10-12 10:00")
                .Reopened("2026-10-13 09:00").Resolved("2026-10-14 10:00"));

        var texts = Texts(result);
        Assert.Equal(TimelineKind.Text, Assert.Single(texts, e => e.CustomerText!.Key == "T-1/text/survey/1").Kind);
        var held = Assert.Single(texts, e => e.CustomerText!.Key == "T-1/text/survey/2");
        Assert.Equal(TimelineKind.TextHeld, held.Kind);
        Assert.EndsWith("not sent (its occasion has passed)", held.Text, StringComparison.Ordinal);
        var reminder = Assert.Single(texts, e => e.CustomerText!.Key == "T-1/text/survey-reminder/2");
        Assert.Equal(TimelineKind.TextNotSent, reminder.Kind);
        Assert.EndsWith("not sent: its survey was never sent", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_is_offered_once_and_the_timeline_stays_in_time_order()
    {
        var result = Simulate(
            new TicketScript("T-1").Opened("2026-10-12 20:50", "P2").Responded("2026-10-12 21:30")
                .Appointment("2026-10-12 21:40", "A-1", "2026-10-15 10:00").Resolved("2026-10-15 12:00"));

        var keys = Texts(result).Select(e => e.CustomerText!.Key).ToList();
        Assert.Equal(keys.Distinct(StringComparer.Ordinal).Count(), keys.Count);
        Assert.Contains("T-1/text/appointment-day-before@T-1-e3", keys);
        Assert.Equal(result.Timeline.Select(e => e.At).Order(), result.Timeline.Select(e => e.At));
    }

    private static CustomerText Text(TextSettings texts, TextKind kind, string phone, string at, string priority = "P3") =>
        new CustomerTextComposer(texts).Compose($"T-{phone}/text/{kind}@{at}", $"T-{phone}", kind, SameCustomer with { Phone = phone }, priority,
            ShanghaiTime.At(at), new Dictionary<string, string>(StringComparer.Ordinal) { [TextPlaceholders.TicketNumber] = "T" })!;

    [Fact]
    public void Customers_whose_texts_the_budget_no_longer_counts_are_forgotten_once_a_day()
    {
        var texts = TextTestSettings.Defaults();
        var simulated = new SimulatedTexts(texts, new TimelineText(ShanghaiTime.Zone));

        simulated.Offer(Text(texts, TextKind.Survey, "+8613800000001", "2026-09-01 10:00"), ShanghaiTime.At("2026-09-01 10:00"));
        simulated.Offer(Text(texts, TextKind.Survey, "+8613800000002", "2026-09-20 10:00"), ShanghaiTime.At("2026-09-20 10:00"));
        Assert.Equal(2, simulated.CustomersRemembered);

        // 35 days on, the first customer's survey is past the budget's lookback (30 days and one): nothing of theirs is kept.
        simulated.Offer(Text(texts, TextKind.Survey, "+8613800000003", "2026-10-06 10:00"), ShanghaiTime.At("2026-10-06 10:00"));
        Assert.Equal(2, simulated.CustomersRemembered);
    }

    [Fact]
    public void Only_texts_the_budget_can_still_count_are_kept_a_survey_for_its_period_a_non_urgent_text_for_its_day_an_exempt_one_never()
    {
        var texts = TextTestSettings.Defaults();
        var simulated = new SimulatedTexts(texts, new TimelineText(ShanghaiTime.Zone));
        const string Phone = "+8613800000001";

        simulated.Offer(Text(texts, TextKind.Acknowledgement, Phone, "2026-10-01 10:00"), ShanghaiTime.At("2026-10-01 10:00"));
        simulated.Offer(Text(texts, TextKind.Progress, Phone, "2026-10-01 10:00", "P1"), ShanghaiTime.At("2026-10-01 10:00"));
        Assert.Equal(0, simulated.TextsRemembered);

        simulated.Offer(Text(texts, TextKind.Survey, Phone, "2026-10-01 11:00"), ShanghaiTime.At("2026-10-01 11:00"));
        var progress = simulated.Offer(Text(texts, TextKind.Progress, Phone, "2026-10-01 12:00"), ShanghaiTime.At("2026-10-01 12:00"));
        Assert.Equal(TimelineKind.Text, progress.Kind);
        Assert.Equal(2, simulated.TextsRemembered);

        // The same day the progress text still holds a second one; three days on it no longer counts and is gone (the new one is kept).
        var held = simulated.Offer(Text(texts, TextKind.Progress, Phone, "2026-10-01 15:00"), ShanghaiTime.At("2026-10-01 15:00"));
        Assert.Equal(TimelineKind.TextHeld, held.Kind);
        var later = simulated.Offer(Text(texts, TextKind.Progress, Phone, "2026-10-04 12:00"), ShanghaiTime.At("2026-10-04 12:00"));
        Assert.Equal(TimelineKind.Text, later.Kind);
        Assert.Equal(2, simulated.TextsRemembered);
        var survey = simulated.Offer(Text(texts, TextKind.Survey, Phone, "2026-10-20 12:00"), ShanghaiTime.At("2026-10-20 12:00"));
        Assert.Equal(TimelineKind.TextHeld, survey.Kind);
    }
}
