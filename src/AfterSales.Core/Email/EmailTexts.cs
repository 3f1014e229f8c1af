using System.Globalization;
using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using NodaTime;

namespace AfterSales.Core.Email;

/// <summary>The words of the escalation email in one locale (zh-CN, the default, or en).</summary>
public sealed record EmailTexts(
    string Locale,
    Func<Duration, string> Span,
    Func<Duration, string> WorkingSpan,
    Func<string, string> Overdue,
    Func<string, string> DueIn,
    Func<string, string> OpenFor,
    string Opened,
    string JustOverdue,
    string OwnerLabel,
    string DoNow,
    string Customer,
    string Priority,
    string Promise,
    string Deadline,
    string LateBy,
    string UnresolvedFor,
    Func<string, string, string> LateByValue,
    string TimeLeft,
    string Owner,
    string Level,
    string AlreadyTold,
    string NobodyYet,
    string RecentHistory,
    Func<string, string> OpenTicket,
    Func<string, string> Footer,
    Func<ClockKind?, LadderTrigger, string> Promised,
    Func<string, string> Role,
    Func<TicketEvent, Func<Instant, string>, string> Describe,
    Func<LadderTrigger, string> Headline)
{
    public static EmailTexts For(string locale) => locale == "en" ? English : Chinese;

    public static readonly EmailTexts English = new(
        "en",
        DurationText.Format,
        DurationText.Hours,
        late => $"overdue {late}",
        left => $"due in {left}",
        open => $"unresolved {open}",
        "new P1",
        "just overdue",
        "owner",
        "What you need to do",
        "Customer",
        "Priority",
        "Promise",
        "Deadline",
        "Late by",
        "Unresolved for",
        (working, calendar) => $"{working} working time ({calendar} calendar time)",
        "Time left",
        "Owner",
        "Escalation",
        "Already told",
        "nobody yet: you are the first",
        "Recent history",
        id => $"Open ticket #{id}",
        key => $"Sent by AfterSales for step {key}. Reply to the customer in the helpdesk, not to this email.",
        (clock, trigger) => clock switch
        {
            ClockKind.FirstResponse => "first response",
            ClockKind.Update => "progress update",
            ClockKind.Resolution => "resolution",
            ClockKind.Commitment => "promise to the customer",
            ClockKind.FaultReport => "fault analysis report",
            _ => trigger == LadderTrigger.Opened ? "major incident opened" : "resolution",
        },
        role => role switch
        {
            EscalationRoles.Owner => "owner",
            EscalationRoles.Supervisor => "supervisor",
            EscalationRoles.DepartmentHead => "department head",
            EscalationRoles.Manager => "manager",
            EscalationRoles.SeniorManager => "senior manager",
            EscalationRoles.DutyManager => "duty manager",
            EscalationRoles.RevisitTeam => "revisit team",
            _ => role,
        },
        (e, time) => e switch
        {
            TicketOpened o => $"Opened by {o.Customer.Name} ({o.Channel.ToString().ToLowerInvariant()}, {o.Priority}): {o.Summary}",
            TicketAssigned a => $"Assigned to {a.Owner.Name}",
            AgentResponded r => $"{r.Agent?.Name ?? "An agent"} replied to the customer",
            CustomerReplied => "The customer replied",
            StatusChanged s => $"Status: {Words(s.Status)}",
            CommitmentMade c => $"Promised the customer an answer by {time(c.DueBy)}" + (c.Description is { } d ? $": {d}" : ""),
            AppointmentScheduled a => $"Visit booked for {time(a.VisitAt)}" + (a.Technician is { } t ? $" ({t})" : ""),
            AppointmentCancelled => "Visit cancelled",
            TicketResolved r => "Resolved" + (r.Resolution is { } text ? $": {text}" : ""),
            TicketReopened r => "Reopened" + (r.Reason is { } reason ? $": {reason}" : ""),
            TicketClosed => "Closed",
            PriorityChanged p => $"Priority changed to {p.Priority}",
            FaultReportFiled f => "Fault analysis report filed" + (f.Cause is { } cause ? $": {cause}" : ""),
            _ => e.Type,
        },
        trigger => trigger switch
        {
            LadderTrigger.Warning => "is about to be missed",
            LadderTrigger.Breach => "was missed",
            LadderTrigger.Opened => "",
            _ => "is still open",
        });

    public static readonly EmailTexts Chinese = new(
        "zh-CN",
        ChineseSpan,
        ChineseWorkingSpan,
        late => $"已超时 {late}",
        left => $"剩余 {left}",
        open => $"未解决 {open}",
        "新 P1",
        "刚刚超时",
        "负责人",
        "您需要做的",
        "客户",
        "优先级",
        "承诺",
        "截止时间",
        "超时",
        "未解决时长",
        (working, calendar) => $"工作时间 {working}（日历时间 {calendar}）",
        "剩余时间",
        "负责人",
        "升级级别",
        "已通知",
        "尚无：您是第一位",
        "最近记录",
        id => $"打开工单 #{id}",
        key => $"AfterSales 自动发送（步骤 {key}）。请在工单系统中回复客户，不要回复此邮件。",
        (clock, trigger) => clock switch
        {
            ClockKind.FirstResponse => "首次响应",
            ClockKind.Update => "进展更新",
            ClockKind.Resolution => "解决",
            ClockKind.Commitment => "对客户的承诺",
            ClockKind.FaultReport => "故障分析报告",
            _ => trigger == LadderTrigger.Opened ? "重大故障已报" : "解决",
        },
        role => role switch
        {
            EscalationRoles.Owner => "负责人",
            EscalationRoles.Supervisor => "主管",
            EscalationRoles.DepartmentHead => "部门负责人",
            EscalationRoles.Manager => "经理",
            EscalationRoles.SeniorManager => "高级经理",
            EscalationRoles.DutyManager => "值班经理",
            EscalationRoles.RevisitTeam => "回访组",
            _ => role,
        },
        (e, time) => e switch
        {
            TicketOpened o => $"{o.Customer.Name} 报单（{ChineseChannel(o.Channel)}，{o.Priority}）：{o.Summary}",
            TicketAssigned a => $"转交给 {a.Owner.Name}",
            AgentResponded r => $"{r.Agent?.Name ?? "客服"} 已回复客户",
            CustomerReplied => "客户已回复",
            StatusChanged s => $"状态：{ChineseStatus(s.Status)}",
            CommitmentMade c => $"承诺在 {time(c.DueBy)} 前答复客户" + (c.Description is { } d ? $"：{d}" : ""),
            AppointmentScheduled a => $"预约上门 {time(a.VisitAt)}" + (a.Technician is { } t ? $"（{t}）" : ""),
            AppointmentCancelled => "上门预约已取消",
            TicketResolved r => "已解决" + (r.Resolution is { } text ? $"：{text}" : ""),
            TicketReopened r => "重新打开" + (r.Reason is { } reason ? $"：{reason}" : ""),
            TicketClosed => "已关闭",
            PriorityChanged p => $"优先级改为 {p.Priority}",
            FaultReportFiled f => "故障分析报告已提交" + (f.Cause is { } cause ? $"：{cause}" : ""),
            _ => e.Type,
        },
        trigger => trigger switch
        {
            LadderTrigger.Warning => "即将超时",
            LadderTrigger.Breach => "已超时",
            LadderTrigger.Opened => "",
            _ => "仍未解决",
        });

    private static string Words(TicketStatus status) => status switch
    {
        TicketStatus.WaitingForCustomer => "waiting for the customer",
        TicketStatus.OnHold => "on hold",
        TicketStatus.InProgress => "in progress",
        _ => "open",
    };

    private static string ChineseStatus(TicketStatus status) => status switch
    {
        TicketStatus.WaitingForCustomer => "等待客户",
        TicketStatus.OnHold => "挂起",
        TicketStatus.InProgress => "处理中",
        _ => "打开",
    };

    private static string ChineseChannel(TicketChannel channel) => channel switch
    {
        TicketChannel.Phone => "电话",
        TicketChannel.Email => "邮件",
        TicketChannel.Web => "网页",
        _ => "到店",
    };

    private static string ChineseSpan(Duration duration)
    {
        var d = duration < Duration.Zero ? -duration : duration;
        var parts = new List<string>(3);
        if (d.Days > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{d.Days} 天"));
        if (d.Hours > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{d.Hours} 小时"));
        if (d.Minutes > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{d.Minutes} 分钟"));
        return parts.Count == 0 ? "0 分钟" : string.Join(' ', parts);
    }

    private static string ChineseWorkingSpan(Duration duration)
    {
        var hours = (long)Math.Floor(duration.TotalHours);
        var minutes = duration.Minutes;
        return (hours, minutes) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{minutes} 分钟"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{hours} 小时"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{hours} 小时 {minutes} 分钟"),
        };
    }
}
