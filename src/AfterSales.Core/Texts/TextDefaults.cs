namespace AfterSales.Core.Texts;

/// <summary>The defaults of the <c>Texts</c> and <c>Revisits</c> sections, added to <see cref="Settings.SettingsDefaults.Values"/>.</summary>
internal static class TextDefaults
{
    public static void AddTo(IDictionary<string, string?> values)
    {
        values["Texts:CustomerTimeZone"] = "Asia/Shanghai";
        values["Texts:QuietHours"] = "21:00-08:00";
        values["Texts:HolidayCalendar"] = "Business";
        values["Texts:NonUrgentPerDay"] = "1";
        values["Texts:SurveyEvery"] = "P30D";
        values["Texts:SurveyDelay"] = "PT2H";
        values["Texts:SurveyReminderAfter"] = "PT48H";
        values["Texts:AppointmentDayBeforeLead"] = "P1D";
        values["Texts:AppointmentSoonReminder"] = "false";
        values["Texts:AppointmentSoonBefore"] = "PT2H";
        values["Texts:DefaultLocale"] = "zh-CN";
        values["Texts:SurveyTokenLifetime"] = "P30D";
        values["Texts:GiveUpAfter"] = "P1D";
        values["Texts:CompanyName"] = "AfterSales";
        values["Revisits:EarlyMonths"] = "12";
        values["Revisits:EarlyEvery"] = "1";
        values["Revisits:LaterEvery"] = "3";
        values["Revisits:HorizonMonths"] = "60";
        values["Revisits:SendAt"] = "09:00";

        Template(values, "zh_CN", TextKind.Acknowledgement, "{customerName}您好，您的服务请求已受理，工单号{ticketNumber}。我们将在{respondBy}前与您联系。");
        Template(values, "zh_CN", TextKind.Progress, "{customerName}您好，工单{ticketNumber}仍在处理中，有新进展会第一时间告知您，感谢耐心等待。");
        Template(values, "zh_CN", TextKind.AppointmentDayBefore, "{customerName}您好，工程师{technician}将于{visitAt}上门服务（工单{ticketNumber}），如需改约请来电。");
        Template(values, "zh_CN", TextKind.AppointmentSoon, "{customerName}您好，工程师{technician}约2小时后（{visitAt}）到达，工单{ticketNumber}。");
        Template(values, "zh_CN", TextKind.Survey, "您的问题已解决，请回复1-5评分（5为非常满意）或打开{surveyLink}");
        Template(values, "zh_CN", TextKind.SurveyReminder, "温馨提醒：请回复1-5为本次服务评分（5为非常满意）或打开{surveyLink}");
        Template(values, "zh_CN", TextKind.RatingThanks, "{customerName}您好，感谢您的评价！我们会继续努力。工单{ticketNumber}");
        Template(values, "zh_CN", TextKind.Revisit, "{customerName}您好，今天是{installation}的定期回访，我们会致电了解使用情况。如有问题请回复。");

        Template(values, "zh_CN", TextKind.Apology, "{customerName}您好，很抱歉未能按时与您联系（工单{ticketNumber}）。主管已在跟进，我们会尽快联系您，并及时告知进展。");

        Template(values, "en", TextKind.Acknowledgement, "Hello {customerName}, we have your request, ticket {ticketNumber}. We will contact you by {respondBy}.");
        Template(values, "en", TextKind.Progress, "Hello {customerName}, we are still working on ticket {ticketNumber} and will tell you as soon as there is news. Thank you for your patience.");
        Template(values, "en", TextKind.AppointmentDayBefore, "Hello {customerName}, reminder: {technician} visits you on {visitAt} for ticket {ticketNumber}. Call us to reschedule.");
        Template(values, "en", TextKind.AppointmentSoon, "Hello {customerName}, {technician} arrives in about 2 hours ({visitAt}) for ticket {ticketNumber}.");
        Template(values, "en", TextKind.Survey, "Hello {customerName}, ticket {ticketNumber} is resolved. How did we do? Reply 1-5 (5 = very satisfied) or rate at {surveyLink}");
        Template(values, "en", TextKind.SurveyReminder, "How did we do on ticket {ticketNumber}? Reply 1-5 (5 = very satisfied) or rate at {surveyLink}");
        Template(values, "en", TextKind.RatingThanks, "Thank you for your rating, {customerName}! We are glad we could help with ticket {ticketNumber}.");
        Template(values, "en", TextKind.Revisit, "Hello {customerName}, time for the regular check-in on {installation}. We will call you today; reply if anything needs attention.");
        Template(values, "en", TextKind.Apology, "Hello {customerName}, we are sorry: we have not contacted you about ticket {ticketNumber} as promised. A supervisor is on it; we will contact you shortly and keep you posted.");
    }

    /// <param name="localeKey">The locale as a key segment (<c>zh_CN</c>): a '-' cannot be part of an app setting name on Linux.</param>
    private static void Template(IDictionary<string, string?> values, string localeKey, TextKind kind, string text) =>
        values[$"Texts:Templates:{localeKey}:{kind}"] = text;
}
