using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Texts;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Texts;

/// <summary>The contact budget's reservations in <see cref="TableSentTexts"/>, over Azurite.</summary>
public sealed class ContactBudgetReservationTests : TextStorageTest
{
    private const string Number = "+8613800138000";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instant Since = At("2026-01-01 00:00");
    private readonly TextSettings settings = TextTestSettings.Defaults();
    private static SentText Progress(string ticketId, string at) =>
        new($"{ticketId}/text/progress/2026-10-12", TextKind.Progress, At(at), false, IsReservation: true);

    private Func<IReadOnlyList<SentText>, BudgetDecision> Budget(SentText text) =>
        sent => ContactBudget.Decide(Text(text), text.SentAt, sent.Where(s => s.CountsAt(text.SentAt)), settings);

    private static CustomerText Text(SentText sent) =>
        new(sent.Key, sent.Key.Split('/')[0], TextKind.Progress, sent.SentAt, sent.SentAt, false, "C-1", Number, null, "zh-CN",
            new RenderedText("进展", SmsSegments.Measure("进展")));

    [Fact]
    public async Task Two_reservations_decided_on_the_same_list_at_the_same_instant_let_one_through_and_hold_the_other()
    {
        var a = Progress("T-1", "2026-10-12 15:00");
        var b = Progress("T-2", "2026-10-12 15:00");
        // Both first decisions wait for each other, so both are taken on the same (empty) list before either writes.
        using var bothDecided = new Barrier(2);
        Func<IReadOnlyList<SentText>, BudgetDecision> Racing(SentText text)
        {
            var first = true;
            var budget = Budget(text);
            return sent =>
            {
                var decision = budget(sent);
                if (first) bothDecided.SignalAndWait(TimeSpan.FromSeconds(10));
                first = false;
                return decision;
            };
        }

        var decisions = await Task.WhenAll(
            Task.Run(() => Texts.SentTexts.TryReserveAsync(Number, a, Since, Racing(a), None)),
            Task.Run(() => Texts.SentTexts.TryReserveAsync(Number, b, Since, Racing(b), None)));

        Assert.Equal(1, decisions.Count(d => d!.Send));
        var held = Assert.Single(decisions, d => !d!.Send)!;
        Assert.StartsWith("held by budget: 1 non-urgent text(s) already went to this customer on 2026-10-12", held.Reason, StringComparison.Ordinal);
        var reserved = Assert.Single(await Texts.SentTexts.ListSinceAsync(Number, Since, None));
        Assert.True(reserved.IsReservation);
    }

    [Fact]
    public async Task A_retried_reservation_of_the_same_text_keeps_one_row_and_still_holds_a_second_text()
    {
        var a = Progress("T-1", "2026-10-12 15:00");
        Assert.True((await Texts.SentTexts.TryReserveAsync(Number, a, Since, Budget(a), None))!.Send);
        var retry = a with { SentAt = At("2026-10-12 15:02") };
        Assert.True((await Texts.SentTexts.TryReserveAsync(Number, retry, Since, Budget(retry), None))!.Send);

        Assert.Single(await Texts.SentTexts.ListSinceAsync(Number, Since, None));
        var b = Progress("T-2", "2026-10-12 15:03");
        Assert.False((await Texts.SentTexts.TryReserveAsync(Number, b, Since, Budget(b), None))!.Send);
    }

    [Fact]
    public async Task A_released_reservation_gives_its_place_back_and_a_sent_text_is_not_released()
    {
        var a = Progress("T-1", "2026-10-12 15:00");
        await Texts.SentTexts.TryReserveAsync(Number, a, Since, Budget(a), None);
        await Texts.SentTexts.ReleaseAsync(Number, a.Key, None);
        Assert.Empty(await Texts.SentTexts.ListSinceAsync(Number, Since, None));

        var b = Progress("T-2", "2026-10-12 15:05");
        Assert.True((await Texts.SentTexts.TryReserveAsync(Number, b, Since, Budget(b), None))!.Send);
        await Texts.SentTexts.RecordAsync(Number, b with { SentAt = At("2026-10-12 15:06"), IsReservation = false }, None);
        await Texts.SentTexts.ReleaseAsync(Number, b.Key, None);

        var sent = Assert.Single(await Texts.SentTexts.ListSinceAsync(Number, Since, None));
        Assert.Equal((b.Key, false, At("2026-10-12 15:06")), (sent.Key, sent.IsReservation, sent.SentAt));
    }

    [Fact]
    public async Task A_reservation_left_by_a_stopped_process_stops_counting_after_its_lifetime()
    {
        var a = Progress("T-1", "2026-10-12 15:00");
        await Texts.SentTexts.TryReserveAsync(Number, a, Since, Budget(a), None);

        var soon = Progress("T-2", "2026-10-12 15:09");
        Assert.False((await Texts.SentTexts.TryReserveAsync(Number, soon, Since, Budget(soon), None))!.Send);
        var later = Progress("T-2", "2026-10-12 15:10");
        Assert.True((await Texts.SentTexts.TryReserveAsync(Number, later, Since, Budget(later), None))!.Send);
    }
}
