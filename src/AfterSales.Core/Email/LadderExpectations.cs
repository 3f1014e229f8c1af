using AfterSales.Core.Settings;

namespace AfterSales.Core.Email;

/// <summary>
/// The built-in ladder's "what you must do" sentences in zh-CN. The defaults in <see cref="SettingsDefaults"/> are
/// English; an email in zh-CN shows the Chinese sentence for a default left as it is, and an admin's own sentence
/// unchanged (an admin writes it in the language the managers read).
/// </summary>
public static class LadderExpectations
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["Check progress now: this promise is about to be missed."] = "请立即检查进展：该承诺即将超时。",
        ["Make sure the customer hears from us now."] = "请确保立即联系客户。",
        ["Answer within 24 h with a plan to resolve the ticket."] = "请在 24 小时内答复，并给出解决工单的方案。",
        ["The department head has not answered in 24 h: take over."] = "部门负责人 24 小时内未答复：请您接手处理。",
        ["Unresolved for 7 days: reply to the customer personally."] = "已 7 天未解决：请亲自答复客户。",
        ["Unresolved for 15 days: senior management attention."] = "已 15 天未解决：请高级管理层关注。",
        ["Major incident opened: follow it until service is restored."] = "重大故障已报：请跟进直至服务恢复。",
        ["A P1 promise was missed."] = "一项 P1 承诺已超时。",
        [Sla.MajorIncidentPlanner.ChainExpectation] = "重大故障：请立即查看处理方案，并逐级上报至公司高层。",
        [Sla.MajorIncidentPlanner.ReminderExpectation] = "请在截止时间前提交故障分析报告（原因及如何避免再次发生）。",
        [Sla.MajorIncidentPlanner.LateExpectation] = "故障分析报告已逾期：请督促负责人提交。",
    };

    /// <summary>The English default sentences this table translates.</summary>
    public static IReadOnlyCollection<string> EnglishDefaults => Chinese.Keys;

    public static string For(string expectation, string locale) =>
        locale == "zh-CN" && Chinese.TryGetValue(expectation, out var chinese) ? chinese : expectation;
}
