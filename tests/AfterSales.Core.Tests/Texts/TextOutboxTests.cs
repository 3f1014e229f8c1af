using AfterSales.Core.Application;
using AfterSales.Core.Notifications;
using AfterSales.Core.Tests.TestSupport;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Tests.Texts;

/// <summary>How texts enter the outbox, the queue and the due index.</summary>
public sealed class TextOutboxTests
{
    private static readonly Instant Opening = Instant.FromUtc(2026, 10, 12, 14, 30); // 22:30 in Shanghai: quiet hours

    private static TextPlan PlanAt(Instant now)
    {
        var settings = TestSettings.Defaults();
        var history = new TicketScript("T-1").Opened("2026-10-12 22:30").History;
        return new CustomerTextPlanner(settings, TextTestSettings.Defaults()).Plan(history, now);
    }

    [Theory]
    [InlineData(TextKind.Acknowledgement, "acknowledgement")]
    [InlineData(TextKind.AppointmentDayBefore, "appointment-day-before")]
    [InlineData(TextKind.SurveyReminder, "survey-reminder")]
    [InlineData(TextKind.RatingThanks, "rating-thanks")]
    public void A_texts_level_is_its_kind_in_kebab_case(TextKind kind, string level) => Assert.Equal(level, TextOutboxSteps.LevelOf(kind));

    [Fact]
    public void A_texts_outbox_step_and_message_carry_its_key_and_send_instant_and_never_the_number_in_full()
    {
        var plan = PlanAt(Instant.FromUtc(2026, 10, 13, 0, 0));
        var text = Assert.Single(plan.DueNow);

        var step = TextOutboxSteps.StepOf(text);
        var message = NotificationMessage.For(text, Instant.FromUtc(2026, 10, 13, 0, 0, 2));

        Assert.Equal(("T-1/text/ack/1", "Customer", "+86*********00", Instant.FromUtc(2026, 10, 13, 0, 0)), (step.Key, step.Role, step.Recipient, step.DueAt));
        Assert.Equal((NotificationChannel.Sms, "T-1/text/ack/1", "acknowledgement", Instant.FromUtc(2026, 10, 13, 0, 0)), (message.Channel, message.StepKey, message.Level, message.DueAt));
        Assert.DoesNotContain("13800138000", NotificationMessageJson.Write(message), StringComparison.Ordinal);
    }

    [Fact]
    public void The_due_index_lists_a_ticket_by_the_earlier_of_its_next_escalation_and_its_next_text()
    {
        var settings = TestSettings.Defaults();
        var history = new TicketScript("T-1").Opened("2026-10-12 22:30").History;
        var assessment = new AfterSales.Core.Sla.SlaEngine(settings).Assess(history, Opening);
        var plan = PlanAt(Opening);

        Assert.Empty(plan.DueNow);
        Assert.Equal(Instant.FromUtc(2026, 10, 13, 0, 0), plan.NextDueAt);
        Assert.True(assessment.NextDueAt > plan.NextDueAt);
        Assert.Equal(plan.NextDueAt, DueIndexing.IndexInstant(assessment, plan, Opening));
        Assert.Equal(assessment.NextDueAt, DueIndexing.IndexInstant(assessment, null, Opening));
        Assert.Equal(Instant.FromUtc(2026, 10, 13, 0, 0, 5), DueIndexing.IndexInstant(assessment, PlanAt(Instant.FromUtc(2026, 10, 13, 0, 0, 5)), Instant.FromUtc(2026, 10, 13, 0, 0, 5)));
    }

    [Fact]
    public async Task Sent_texts_in_memory_are_listed_per_number_since_an_instant_and_recorded_once_per_key()
    {
        var sent = new InMemorySentTexts();
        var at = Instant.FromUtc(2026, 10, 12, 2, 0);
        await sent.RecordAsync("+8613800138000", new SentText("T-1/text/ack/1", TextKind.Acknowledgement, at, true), CancellationToken.None);
        await sent.RecordAsync("+8613800138000", new SentText("T-1/text/ack/1", TextKind.Acknowledgement, at + Duration.FromHours(1), true), CancellationToken.None);
        await sent.RecordAsync("+8613900139000", new SentText("T-2/text/ack/1", TextKind.Acknowledgement, at, true), CancellationToken.None);

        Assert.Equal(at, Assert.Single(await sent.ListSinceAsync("+8613800138000", at, CancellationToken.None)).SentAt);
        Assert.Empty(await sent.ListSinceAsync("+8613800138000", at + Duration.FromMinutes(1), CancellationToken.None));
    }
}
