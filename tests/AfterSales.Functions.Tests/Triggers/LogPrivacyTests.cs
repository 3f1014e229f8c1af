using AfterSales.Azure.Sms;
using AfterSales.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;

namespace AfterSales.Functions.Tests.Triggers;

/// <summary>No log line carries a customer's phone number, email address or a message body.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task A_ticket_its_texts_a_rejected_event_and_a_customer_reply_log_no_personal_data()
    {
        await using var app = await FunctionsApp.StartAsync("2026-10-16 09:00");
        var script = new TicketScript("T-1").Opened("2026-10-16 09:00", "P1");
        await app.InvokeAsync<TicketEventsHttpFunction>(f => f.Run(app.Request("POST", "/api/tickets/events", script.Payloads.Single()), CancellationToken.None));
        await app.InvokeAsync<TicketEventsHttpFunction>(f => f.Run(app.Request("POST", "/api/tickets/events",
            script.Payloads.Single().Replace("T-1", "T-2", StringComparison.Ordinal).Replace("zhang.wei@example.cn", "zhang.wei@", StringComparison.Ordinal)), CancellationToken.None));
        await app.InvokeAsync<SlaSweep>(f => f.Run(new TimerInfo(), CancellationToken.None));
        var form = new Dictionary<string, string> { ["From"] = "+8613800138000", ["Body"] = "请不要再发 STOP", ["MessageSid"] = "SM1" };
        var request = app.Request("POST", "/api/sms/inbound", string.Join('&', form.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")), "application/x-www-form-urlencoded");
        request.Headers[TwilioSignature.Header] = TwilioSignature.Compute("auth-token", "https://aftersales.example.com/api/sms/inbound", form);
        await app.InvokeAsync<SmsInbound>(f => f.Run(request, CancellationToken.None));
        app.SetTime("2026-10-16 09:10");
        await app.InvokeAsync<OutboxRecovery>(f => f.Run(new TimerInfo(), CancellationToken.None));

        var lines = app.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("Sweep:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("SMS reply", StringComparison.Ordinal));
        foreach (var personal in new[] { "13800138000", "zhang.wei@", "张伟", "请不要再发", "Signalling server down" })
            Assert.DoesNotContain(lines, l => l.Contains(personal, StringComparison.Ordinal));
    }
}
