using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Email;

/// <summary>
/// What a major incident report adds to the escalation email (SPEC "Other policy rules"): when it started, the
/// customer's installation or product, the handling plan (owner and the next deadline) and who else is told.
/// </summary>
public static class MajorIncidentFacts
{
    public static IEnumerable<(string Label, string Value)> Rows(
        TicketFacts facts, TicketAssessment assessment, MajorIncidentSettings settings, EmailTexts texts, Func<Instant, string> time, Instant now)
    {
        var english = texts.Locale == "en";
        if (facts.CurrentCycle is { } cycle) yield return (english ? "Since" : "发生时间", time(cycle.Start));
        var opened = facts.Opened;
        if ((opened?.InstallationId ?? opened?.ProductId) is { } installation)
            yield return (english ? "Installation" : "设备/安装", installation);
        var owner = facts.Owner?.Name ?? "?";
        var next = assessment.Clocks
            .Where(c => c.Cycle == assessment.Cycle && c.StoppedAt is null && c.Deadline is { } d && d > now)
            .OrderBy(c => c.Deadline)
            .FirstOrDefault();
        var plan = next is null
            ? english ? $"{owner} handles it" : $"由 {owner} 处理"
            : english
                ? $"{owner} handles it; next: {texts.Promised(next.Kind, LadderTrigger.Breach)} by {time(next.Deadline!.Value)}"
                : $"由 {owner} 处理；下一截止：{texts.Promised(next.Kind, LadderTrigger.Breach)} {time(next.Deadline!.Value)} 前";
        yield return (english ? "Handling plan" : "处理方案", plan);
        yield return (english ? "Reported to" : "上报对象", string.Join(english ? ", " : "、", settings.Chain.Select(texts.Role)));
    }
}
