using AfterSales.Azure.Hosting;
using AfterSales.Azure.Sms;
using AfterSales.Functions.Tests.Support;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AfterSales.Functions.Tests.Triggers;

/// <summary>
/// The evidence of issue 12's privacy part: after a full scenario (tickets with customers' numbers and emails, texts
/// sent, a STOP, a survey and its rating, a rejected event, the retention run) no table key of any table the app uses
/// holds a phone number or an email address, and no stored reason or log line (exceptions included) quotes one.
/// </summary>
public sealed class PersonalDataEvidenceTests : IDisposable
{
    private const string Created = """{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued"}""";
    private const string RatingNumber = "+8613800138000";
    private const string StopNumber = "+8613912345678";
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>How the numbers and addresses of the scenario could appear: digits, escaped, and the addresses' local parts.</summary>
    private static readonly string[] Personal = ["13800138000", "13912345678", "zhang.wei@", "wang.fang@", "zhang.wei%40", "wang.fang%40"];

    private readonly FakeTwilio twilio = new();

    public void Dispose() => twilio.Dispose();

    [Fact]
    public async Task After_a_full_scenario_no_table_key_stored_reason_or_log_line_holds_a_phone_number_or_email()
    {
        twilio.Then(201, Created);
        // Rejected events are kept past the purge 91 days on, so that their stored rows are scanned too.
        await using var app = await FunctionsApp.StartAsync(
            "2026-10-16 09:00", ("Sms:ApiBase", twilio.BaseUri.ToString()), ("Events:RejectedRetention", "P180D"));
        var rated = new TicketScript("T-1").Opened("2026-10-16 09:00").Responded("2026-10-16 09:05").Resolved("2026-10-16 09:30");
        var stopping = new TicketScript("T-3").Opened("2026-10-16 09:00");
        foreach (var payload in rated.Payloads) await PostAsync(app, payload);
        await PostAsync(app, OtherCustomer(stopping.Payloads.Single()));
        // Rejected: a number with separators and an address with a display name.
        await PostAsync(app, OtherCustomer(new TicketScript("T-2").Opened("2026-10-16 09:00").Payloads.Single())
            .Replace(StopNumber, "+86 139 1234 5678", StringComparison.Ordinal)
            .Replace("\"wang.fang@example.cn\"", "\"Wang Fang <wang.fang@example.cn>\"", StringComparison.Ordinal));

        await SweepAndSendAsync(app, "2026-10-16 09:10");
        await ReplyAsync(app, StopNumber, "STOP", "SM-stop");
        await SweepAndSendAsync(app, "2026-10-16 11:40");
        Assert.Contains(twilio.Requests, r => r.Form["To"] == RatingNumber && r.Form["Body"].Contains("/s/", StringComparison.Ordinal));
        await ReplyAsync(app, RatingNumber, "5", "SM-rating");
        await SweepAndSendAsync(app, "2026-10-16 11:50");
        // The retention purge runs with the recovery, 91 days on: bodies and numbers of finished texts go.
        await SweepAndSendAsync(app, "2027-01-16 12:00");

        Assert.Contains(app.Logs.Lines, l => l.Contains("SMS reply", StringComparison.Ordinal));
        var service = app.Get<TableServiceClient>();
        var prefix = app.Get<IOptions<AfterSalesOptions>>().Value.Storage.TablePrefix;
        var tables = await service.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "{") < 0).Select(t => t.Name).ToListAsync();
        Assert.Contains(prefix + "OptOuts", tables);
        Assert.Contains(prefix + "Surveys", tables);
        Assert.Contains(prefix + "SentTexts", tables);
        var rows = 0;
        foreach (var table in tables)
        {
            await foreach (var row in service.GetTableClient(table).QueryAsync<TableEntity>())
            {
                rows++;
                foreach (var personal in Personal)
                {
                    Assert.DoesNotContain(personal, row.PartitionKey, StringComparison.OrdinalIgnoreCase);
                    Assert.DoesNotContain(personal, row.RowKey, StringComparison.OrdinalIgnoreCase);
                    foreach (var (column, value) in row.Where(c => c.Key.Contains("Reason", StringComparison.Ordinal) || c.Key.Contains("Message", StringComparison.Ordinal) || c.Key.Contains("Error", StringComparison.Ordinal)))
                        Assert.DoesNotContain(personal, value?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        Assert.True(rows > 10, $"only {rows} rows: the scenario did not run");
        var optedOut = await service.GetTableClient(prefix + "OptOuts").QueryAsync<TableEntity>().SingleAsync();
        Assert.True(optedOut.GetBoolean("OptedOut"));
        Assert.Contains(await service.GetTableClient(prefix + "Surveys").QueryAsync<TableEntity>().ToListAsync(), r => r.GetInt32("Rating") == 5);
        Assert.Contains(await service.GetTableClient(prefix + "RejectedEvents").QueryAsync<TableEntity>().ToListAsync(), _ => true);
        foreach (var personal in Personal)
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(personal, StringComparison.OrdinalIgnoreCase));
    }

    private static string OtherCustomer(string payload) => payload
        .Replace(RatingNumber, StopNumber, StringComparison.Ordinal)
        .Replace("zhang.wei@example.cn", "wang.fang@example.cn", StringComparison.Ordinal);

    private static Task PostAsync(FunctionsApp app, string payload) =>
        app.InvokeAsync<TicketEventsHttpFunction>(f => f.Run(app.Request("POST", "/api/tickets/events", payload), None));

    private static async Task SweepAndSendAsync(FunctionsApp app, string at)
    {
        app.SetTime(at);
        await app.InvokeAsync<SlaSweep>(f => f.Run(new TimerInfo(), None));
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.InvokeAsync<OutboxRecovery>(f => f.Run(new TimerInfo(), None));
    }

    private static async Task ReplyAsync(FunctionsApp app, string from, string body, string sid)
    {
        var form = new Dictionary<string, string> { ["From"] = from, ["Body"] = body, ["MessageSid"] = sid };
        var request = app.Request("POST", "/api/sms/inbound", string.Join('&', form.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")), "application/x-www-form-urlencoded");
        request.Headers[TwilioSignature.Header] = TwilioSignature.Compute("auth-token", "https://aftersales.example.com/api/sms/inbound", form);
        await app.InvokeAsync<SmsInbound>(f => f.Run(request, None));
    }
}
