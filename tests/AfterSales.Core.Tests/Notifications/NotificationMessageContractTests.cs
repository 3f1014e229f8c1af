using System.Text.RegularExpressions;
using AfterSales.Core.Notifications;
using NodaTime;

namespace AfterSales.Core.Tests.Notifications;

/// <summary>docs/messages.md is the queue contract: its examples parse, and what the sweep writes reads back.</summary>
public partial class NotificationMessageContractTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "messages.md"));

    private static List<string> Examples() => [.. JsonBlock().Matches(Document).Select(m => m.Groups[1].Value)];

    [Fact]
    public void Every_example_in_the_contract_parses()
    {
        var examples = Examples();

        Assert.Equal(3, examples.Count);
        var first = NotificationMessageJson.Parse(examples[0]);
        Assert.Equal(new NotificationMessage(1, NotificationChannel.Email, "T-1042/first-response/supervisor/1", "T-1042", "supervisor", "Supervisor",
            Instant.FromUtc(2026, 10, 12, 1, 10), Instant.FromUtc(2026, 10, 12, 1, 10, 4)), first);
    }

    [Fact]
    public void The_customer_text_example_reads_as_an_sms_message_and_writes_back_the_same()
    {
        var text = NotificationMessageJson.Parse(Examples()[2]);

        Assert.Equal(new NotificationMessage(1, NotificationChannel.Sms, "T-1042/text/ack/1", "T-1042", "acknowledgement", "Customer",
            Instant.FromUtc(2026, 10, 12, 1, 0), Instant.FromUtc(2026, 10, 12, 1, 0, 4)), text);
        Assert.Equal(Regex.Replace(Examples()[2], @"\s", ""), NotificationMessageJson.Write(text));
    }

    [Fact]
    public void A_later_version_with_an_unknown_field_still_reads()
    {
        var later = NotificationMessageJson.Parse(Examples()[1]);

        Assert.Equal(2, later.SchemaVersion);
        Assert.Equal("T-1042/resolution/day-7/1", later.StepKey);
    }

    [Fact]
    public void What_is_written_reads_back_and_matches_the_documented_form()
    {
        var message = NotificationMessageJson.Parse(Examples()[0]);

        var written = NotificationMessageJson.Write(message);

        Assert.Equal(message, NotificationMessageJson.Parse(written));
        Assert.Equal(Regex.Replace(Examples()[0], @"\s", ""), written);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"schemaVersion":1,"channel":"email","ticketId":"T","level":"l","role":"r","dueAt":"2026-10-12T01:10:00Z","producedAt":"2026-10-12T01:10:00Z"}""", "stepKey")]
    [InlineData("""{"schemaVersion":1,"channel":"fax","stepKey":"k","ticketId":"T","level":"l","role":"r","dueAt":"2026-10-12T01:10:00Z","producedAt":"2026-10-12T01:10:00Z"}""", "channel: 'fax'")]
    [InlineData("""{"schemaVersion":0,"channel":"email","stepKey":"k","ticketId":"T","level":"l","role":"r","dueAt":"2026-10-12T01:10:00Z","producedAt":"2026-10-12T01:10:00Z"}""", "schemaVersion")]
    [InlineData("""{"schemaVersion":1,"channel":"email","stepKey":"k","ticketId":"T","level":"l","role":"r","dueAt":"tomorrow","producedAt":"2026-10-12T01:10:00Z"}""", "dueAt: 'tomorrow'")]
    public void A_bad_message_is_refused_naming_what_is_wrong(string json, string expected)
    {
        var refused = Assert.Throws<FormatException>(() => NotificationMessageJson.Parse(json));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_process_queue_carries_messages_in_their_json_form()
    {
        var queue = new InProcessNotificationQueue();
        var message = NotificationMessageJson.Parse(Examples()[0]);

        await queue.EnqueueAsync(message, CancellationToken.None);

        Assert.True(queue.TryDequeue(out var received));
        Assert.Equal(message, received);
        Assert.False(queue.TryDequeue(out _));
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
