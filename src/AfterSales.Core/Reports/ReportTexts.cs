using System.Globalization;
using NodaTime;

namespace AfterSales.Core.Reports;

/// <summary>The words of the weekly digest and the monthly report in one locale (zh-CN, the default, or en).</summary>
public sealed record ReportTexts(
    string Locale,
    string DigestBanner,
    Func<string, string> DigestTitle,
    string OverallTitle,
    Func<LocalDate, LocalDate, string> Week,
    Func<long, long, long, long, string> DigestSummary,
    string ThisWeek,
    string LastWeek,
    string Tickets,
    string Opened,
    string Resolved,
    string FirstResponseMet,
    string ResolutionMet,
    string Breaches,
    string Escalations,
    Func<string, string> Level,
    string Ratings,
    string AverageRating,
    string LowRatings,
    string Revisits,
    string RevisitsDue,
    string RevisitsDone,
    string RevisitsReached,
    string RevisitProblems,
    string Policy,
    string ThreeStrikes,
    string MajorIncidents,
    string NoLowRatings,
    string ReportBanner,
    Func<YearMonth, string> Month,
    Func<YearMonth, long, long, long, string> ReportSummary,
    Func<string, string> TeamSection,
    Func<string, string> PolicySection,
    string Trend,
    string Latest,
    string NoTickets,
    string ByCategory,
    Func<long, string> RatingsCount,
    string Footer)
{
    public static ReportTexts For(string locale) => locale == "en" ? English : Chinese;

    public static string Share(double? share) =>
        share is { } v ? v.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "–";

    public static string Average(double? average) => average is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>The heading of the oldest open tickets.</summary>
    public required string OldestOpen { get; init; }

    public required string NoOpenTickets { get; init; }

    /// <summary>Said under the ratings by category when the month had no rating.</summary>
    public required string NoRatings { get; init; }

    /// <summary>The columns of the oldest open tickets: age (calendar time), priority, owner and the last level escalated to.</summary>
    public required IReadOnlyList<string> OldestColumns { get; init; }

    /// <summary>A calendar age, in days and hours (hours and minutes under a day).</summary>
    public required Func<Duration, string> Age { get; init; }

    public required string NotEscalated { get; init; }

    public required string Reopened { get; init; }

    /// <summary>The monthly report's section on calendars whose holidays run out.</summary>
    public required string Calendars { get; init; }

    /// <summary>A calendar that runs out: its name, its last covered year, and when it runs out (null: it has already).</summary>
    public required Func<string, int, LocalDate, bool, string> CalendarRunsOut { get; init; }

    public static readonly ReportTexts English = new(
        "en",
        "WEEKLY DIGEST",
        team => $"The week of team {team}",
        "The week of all teams",
        (from, to) => $"{from.ToString("d MMM", CultureInfo.InvariantCulture)} – {to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}",
        (opened, resolved, breaches, breachesBefore) => $"{opened} tickets opened, {resolved} resolved, {breaches} promises broken (last week {breachesBefore}).",
        "this week",
        "last week",
        "Tickets",
        "Opened",
        "Resolved",
        "First response met",
        "Resolution met",
        "Breaches",
        "Escalations",
        level => $"Escalated: {level}",
        "Customer feedback",
        "Average rating",
        "Ratings of 1–2",
        "Revisits",
        "Due",
        "Done",
        "Customer reached",
        "Problems found",
        "Policy",
        "Customers flagged (three strikes)",
        "Major incidents",
        "No rating of 1–2.",
        "MONTHLY SERVICE REPORT",
        month => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        (month, opened, resolved, breaches) => $"{month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}: {opened} tickets opened, {resolved} resolved, {breaches} promises broken.",
        team => $"Team {team}",
        policy => $"Policy {policy}",
        "Six months",
        "Ten latest tickets",
        "No ticket this month.",
        "Ratings by category",
        count => $"{count} ratings",
        "Sent by AfterSales from its running totals. Figures are counted on the day they happened, in the business calendar's time zone.")
    {
        OldestOpen = "Oldest open tickets",
        NoOpenTickets = "No open ticket.",
        NoRatings = "No rating this month.",
        OldestColumns = ["open for", "priority", "owner · escalated to"],
        Age = age => age.Days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{age.Days} d {age.Hours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{age.Hours} h {age.Minutes} min"),
        NotEscalated = "not escalated",
        Reopened = "reopened",
        Calendars = "Calendars running out",
        CalendarRunsOut = (calendar, lastYear, runsOut, ranOut) => ranOut
            ? $"Calendar {calendar}: its holidays end with {lastYear}; since {runsOut.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} public holidays count as working days. Add {lastYear + 1}'s holidays."
            : $"Calendar {calendar}: its holidays end with {lastYear}; from {runsOut.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} public holidays would count as working days. Add {lastYear + 1}'s holidays before then.",
    };

    public static readonly ReportTexts Chinese = new(
        "zh-CN",
        "每周服务简报",
        team => $"{team} 组本周情况",
        "全部团队本周情况",
        (from, to) => $"{from.ToString("M月d日", CultureInfo.InvariantCulture)}–{to.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}",
        (opened, resolved, breaches, breachesBefore) => $"本周新建工单 {opened} 张，解决 {resolved} 张，超时 {breaches} 次（上周 {breachesBefore} 次）。",
        "本周",
        "上周",
        "工单",
        "新建",
        "解决",
        "首次响应达标率",
        "解决时限达标率",
        "超时",
        "升级",
        level => $"升级：{level}",
        "客户反馈",
        "平均评分",
        "1–2 分评价",
        "回访",
        "应回访",
        "已回访",
        "联系到客户",
        "发现问题",
        "服务策略",
        "三次来电客户（已提醒经理）",
        "重大故障",
        "没有 1–2 分评价。",
        "月度服务报告",
        month => month.ToString("yyyy年M月", CultureInfo.InvariantCulture),
        (month, opened, resolved, breaches) => $"{month.ToString("yyyy年M月", CultureInfo.InvariantCulture)}：新建工单 {opened} 张，解决 {resolved} 张，超时 {breaches} 次。",
        team => $"{team} 组",
        policy => $"服务策略 {policy}",
        "近六个月趋势",
        "最新十张工单",
        "本月没有工单。",
        "按类别的评分",
        count => $"{count} 条评价",
        "由 AfterSales 根据累计数据生成。各项数字按发生当天计入（业务日历时区）。")
    {
        OldestOpen = "最久未解决的工单",
        NoOpenTickets = "没有未解决的工单。",
        NoRatings = "本月没有评分。",
        OldestColumns = ["已开启", "优先级", "负责人 · 已升级至"],
        Age = age => age.Days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{age.Days}天{age.Hours}小时")
            : string.Create(CultureInfo.InvariantCulture, $"{age.Hours}小时{age.Minutes}分钟"),
        NotEscalated = "未升级",
        Reopened = "重新打开",
        Calendars = "即将到期的日历",
        CalendarRunsOut = (calendar, lastYear, runsOut, ranOut) => ranOut
            ? $"日历 {calendar} 的节假日只到 {lastYear} 年；自 {runsOut.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)} 起法定节假日被当作工作日。请补充 {lastYear + 1} 年的节假日。"
            : $"日历 {calendar} 的节假日只到 {lastYear} 年；{runsOut.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)} 起法定节假日将被当作工作日。请在此之前补充 {lastYear + 1} 年的节假日。",
    };
}
