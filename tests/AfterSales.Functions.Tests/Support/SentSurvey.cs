using AfterSales.Core.Application;
using AfterSales.Core.Events;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using static AfterSales.Azure.Tests.Support.ShanghaiTime;

namespace AfterSales.Functions.Tests.Support;

/// <summary>A ticket opened and resolved, and its survey text sent: the signed token its link carries.</summary>
internal static class SentSurvey
{
    public static async Task<string> SendAsync(FunctionsApp app, string ticketId, string locale = "zh-CN", string summary = "空调不制冷")
    {
        var opened = new TicketOpened($"{ticketId}-e1", ticketId, At("2026-10-12 09:00"),
            new Customer("C-1", locale == "en" ? "Alice" : "张伟", "+8613800138000", "zhang.wei@example.cn", locale),
            TicketChannel.Phone, TicketCategory.Repair, "P3", null, "INS-1", "metro", TicketScript.Owner, summary);
        await app.Get<TicketEventIngestion>().IngestAsync(TicketScript.Payload(opened), "test", CancellationToken.None);
        var settings = app.Get<TextSettings>();
        await app.Get<ISurveys>().RecordSentAsync(
            new SurveySent(CustomerTextKeys.Survey(ticketId, 1), ticketId, "C-1", "+8613800138000", At("2026-10-13 11:00")), CancellationToken.None);
        return settings.SurveyTokens().Issue(ticketId, 1, At("2026-10-13 11:00") + settings.SurveyTokenLifetime);
    }
}
