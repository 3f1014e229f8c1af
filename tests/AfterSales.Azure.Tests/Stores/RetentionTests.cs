using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Application;
using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Azure.Tests.Stores;

/// <summary>Retention__MessageBodies and Retention__ProcessedMessages: what the purge removes, what it keeps, and that each run is bounded.</summary>
public class RetentionTests : TextStorageTest
{
    private const string Number = "+8613912345678";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly RetentionSettings Settings = new(Duration.FromDays(90), Duration.FromDays(30));

    [Fact]
    public async Task A_finished_text_older_than_the_retention_keeps_its_outcome_and_loses_body_number_and_email()
    {
        await AddTextAsync("T-1", "2026-01-10 09:00");
        await CompleteAsync("T-1", SendResult.Failure("Twilio 21211: The 'To' number +8613912345678 is not a valid phone number", 1));
        await AddTextAsync("T-2", "2026-01-10 09:00");
        await CompleteAsync("T-2", SendResult.Success("SM0123456789abcdef", 1));

        var report = await Retention("2026-04-11 09:00").PurgeAsync(None);

        Assert.Equal(new RetentionReport(2, 0), report);
        var failed = await RowAsync("T-1");
        Assert.Equal("", failed.GetString("Body"));
        Assert.Equal("+86*********78", failed.GetString("Phone"));
        Assert.False(failed.ContainsKey("Email"));
        Assert.Equal("failed", failed.GetString("Status"));
        Assert.Equal("Twilio 21211: The 'To' number +86*********78 is not a valid phone number", failed.GetString("FailureReason"));
        var sent = await RowAsync("T-2");
        Assert.Equal(("sent", "SM0123456789abcdef", ""), (sent.GetString("Status"), sent.GetString("ProviderMessageId"), sent.GetString("Body")));
        Assert.NotNull(await Tables.Outbox.GetAsync("T-2", StepKey("T-2"), None));
        await AssertNoNumberAsync();
    }

    [Fact]
    public async Task A_text_younger_than_the_retention_or_not_finished_keeps_its_body()
    {
        await AddTextAsync("T-young", "2026-03-01 09:00");
        await CompleteAsync("T-young", SendResult.Success("SM1", 1));
        await AddTextAsync("T-pending", "2026-01-01 09:00");

        var report = await Retention("2026-04-11 09:00").PurgeAsync(None);

        Assert.Equal(0, report.TextsPurged);
        Assert.Equal(Number, (await RowAsync("T-young")).GetString("Phone"));
        Assert.Equal(Number, (await RowAsync("T-pending")).GetString("Phone"));
        Assert.NotEqual("", (await RowAsync("T-pending")).GetString("Body"));
    }

    [Fact]
    public async Task Processed_message_ids_older_than_their_retention_are_deleted_and_recent_ones_kept()
    {
        await Texts.InboundMessages.RecordProcessedAsync("SM-old", At("2026-03-01 09:00"), None);
        await Texts.InboundMessages.RecordProcessedAsync("SM-recent", At("2026-03-25 09:00"), None);

        var report = await Retention("2026-04-11 09:00").PurgeAsync(None);

        Assert.Equal(1, report.ProcessedMessagesDeleted);
        Assert.False(await Texts.InboundMessages.WasProcessedAsync("SM-old", None));
        Assert.True(await Texts.InboundMessages.WasProcessedAsync("SM-recent", None));
    }

    [Fact]
    public async Task Each_run_reads_one_bounded_page_goes_on_where_the_last_stopped_and_purges_nothing_twice()
    {
        foreach (var ticket in new[] { "T-1", "T-2", "T-3", "T-4", "T-5" })
        {
            await AddTextAsync(ticket, "2026-01-10 09:00");
            await CompleteAsync(ticket, SendResult.Success("SM-" + ticket, 1));
        }
        var retention = Retention("2026-04-11 09:00", pageSize: 2);

        var runs = new List<int>();
        for (var run = 0; run < 4; run++) runs.Add((await retention.PurgeAsync(None)).TextsPurged);

        Assert.Equal(5, runs.Sum());
        Assert.All(runs, purged => Assert.InRange(purged, 0, 2));
        Assert.Equal(0, (await retention.PurgeAsync(None)).TextsPurged);
        await AssertNoNumberAsync();
    }

    private TableRetention Retention(string now, int pageSize = TableRetention.PageSize) =>
        new(Tables, Texts, Settings, new FakeTimeProvider(Offset(now)), pageSize);

    private static string StepKey(string ticketId) => $"{ticketId}|text|progress|1";

    private async Task AddTextAsync(string ticketId, string producedAt)
    {
        var body = "您的工单 " + ticketId + " 正在处理中。";
        var text = new CustomerText(StepKey(ticketId), ticketId, TextKind.Progress, At(producedAt), At(producedAt), false, "C-1", Number,
            "li.na@example.com", "zh-CN", new RenderedText(body, SmsSegments.Measure(body)));
        Assert.Equal(1, await Tables.Outbox.AddTextsAsync([text], At(producedAt), None));
    }

    private async Task CompleteAsync(string ticketId, SendResult result)
    {
        var record = (await Tables.Outbox.GetAsync(ticketId, StepKey(ticketId), None))!;
        var attempt = (await Tables.Outbox.TryStartAttemptAsync(record, record.ProducedAt, None))!;
        Assert.True(await Tables.Outbox.TryCompleteAsync(attempt, result, record.ProducedAt, None));
    }

    private async Task<TableEntity> RowAsync(string ticketId) =>
        (await RawTable("Outbox").GetEntityAsync<TableEntity>(ticketId, Uri.EscapeDataString(StepKey(ticketId)))).Value;

    private async Task AssertNoNumberAsync()
    {
        await foreach (var row in RawTable("Outbox").QueryAsync<TableEntity>())
        {
            foreach (var (column, value) in row)
            {
                var text = value?.ToString() ?? "";
                Assert.DoesNotContain("13912345678", text, StringComparison.Ordinal);
                Assert.DoesNotContain("li.na@", text, StringComparison.Ordinal);
            }
        }
    }
}
