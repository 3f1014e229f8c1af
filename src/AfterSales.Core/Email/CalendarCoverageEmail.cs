using System.Globalization;
using AfterSales.Core.Application;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Email;

/// <summary>The admins' notice that a calendar's holidays run out (<see cref="CalendarCoverageNotice"/>): which calendar, when, what to set.</summary>
public static class CalendarCoverageEmail
{
    /// <exception cref="InvalidOperationException">The step has no recipient address.</exception>
    public static EmailMessage Compose(EscalationStep step, EmailSettings email, Instant now)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(email);
        var to = step.Recipient ?? throw new InvalidOperationException($"No address for role {step.Role}: set Escalation__Teams__Default__{step.Role}.");
        var content = Content(step, email, now);
        return new EmailMessage(to, content.Subject, EmailHtml.Write(content), EmailPlainText.Write(content), step.TicketId, step.Key);
    }

    public static EscalationEmailContent Content(EscalationStep step, EmailSettings email, Instant now)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(email);
        var lines = step.Expectation.Split('\n');
        var calendar = lines[0];
        var covers = lines.Length > 1 ? lines[1] : "?";
        var year = step.Cycle.ToString(CultureInfo.InvariantCulture);
        var runsOut = step.Deadline ?? now;
        var daysLeft = Math.Max(0, (int)Math.Ceiling((runsOut - now).TotalDays));
        var texts = EmailTexts.For(email.Locale);
        var english = texts.Locale == "en";
        var keys = $"Calendars__{calendar}__Holidays, Calendars__{calendar}__MakeUpDays, Calendars__{calendar}__HolidayYears";
        var subject = english
            ? $"[AfterSales] Calendar {calendar}: holidays of {year} missing, {daysLeft} days left"
            : $"[AfterSales] 日历 {calendar}：缺少 {year} 年节假日，还剩 {daysLeft} 天";
        return new EscalationEmailContent(
            texts.Locale, subject,
            english ? $"Calendar {calendar} · {daysLeft} days left" : $"日历 {calendar} · 还剩 {daysLeft} 天",
            "#1e3a8a",
            english ? $"Calendar {calendar} has no holidays for {year}" : $"日历 {calendar} 还没有 {year} 年的节假日",
            english
                ? $"From 1 January {year} every deadline on this calendar would treat public holidays (Spring Festival too) as working days."
                : $"自 {year} 年 1 月 1 日起，该日历上的所有截止时间都会把法定节假日（包括春节）当作工作日计算。",
            texts.DoNow,
            english
                ? $"Add the {year} public holidays and make-up working days, and extend the covered years: {keys}."
                : $"请添加 {year} 年的法定节假日和调休工作日，并延长覆盖年份：{keys}。",
            [
                (english ? "Calendar" : "日历", calendar),
                (english ? "Covers" : "已覆盖", covers),
                (english ? "Runs out" : "到期", $"{year}-01-01"),
                (english ? "Days left" : "剩余天数", daysLeft.ToString(CultureInfo.InvariantCulture)),
            ],
            null, "",
            english ? "Also shown" : "其他位置",
            [english ? "GET /api/health lists each calendar's covered years; start-up logs a warning." : "GET /api/health 列出每个日历的覆盖年份；启动时也会记录警告。"],
            english ? "Sent once" : "仅发送一次",
            [],
            texts.Footer(step.Key));
    }
}
