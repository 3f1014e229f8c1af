namespace AfterSales.Functions.Survey;

/// <summary>Every sentence of the survey pages, per locale (zh-CN, the default, and en).</summary>
public sealed record SurveyPageText(
    string Language,
    string Title,
    string Ticket,
    string Question,
    string[] Scores,
    string CommentLabel,
    string CommentHint,
    string Submit,
    string ChooseScore,
    string CommentTooLong,
    string Thanks,
    string NextLow,
    string NextMiddle,
    string NextHigh,
    string AnsweredTitle,
    string AnsweredBody,
    string ExpiredTitle,
    string ExpiredBody,
    string ForgedTitle,
    string ForgedBody,
    string NotFoundTitle,
    string NotFoundBody)
{
    public static readonly SurveyPageText Chinese = new(
        "zh-CN",
        "服务满意度评价",
        "工单",
        "您对本次服务满意吗？",
        ["非常不满意", "不满意", "一般", "满意", "非常满意"],
        "还有什么想告诉我们的吗？（选填）",
        "最多 500 字",
        "提交评价",
        "请选择 1 到 5 分。",
        "留言最多 500 字，请删减后再提交。",
        "感谢您的评价！",
        "很抱歉这次没有让您满意。服务经理会在今天内与您联系，了解情况并解决问题。",
        "我们会认真改进，争取下次做得更好。",
        "很高兴能帮到您，期待再次为您服务。",
        "您已经评价过了",
        "您为本次服务打了 {0} 分。感谢您的反馈！",
        "评价链接已过期",
        "这个评价链接已超过有效期。如对服务有意见，欢迎致电我们的服务热线。",
        "链接无效",
        "这个链接不完整或已被修改。请打开短信中的原始链接，或直接回复短信数字 1-5 评分。",
        "未找到这次评价",
        "我们没有找到与此链接对应的评价。请打开短信中的原始链接，或直接回复短信数字 1-5 评分。");

    public static readonly SurveyPageText English = new(
        "en",
        "How did we do?",
        "Ticket",
        "How satisfied are you with our service?",
        ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
        "Anything else you would like to tell us? (optional)",
        "Up to 500 characters",
        "Send rating",
        "Please choose a score from 1 to 5.",
        "Your comment is longer than 500 characters: please shorten it and send again.",
        "Thank you for your rating!",
        "We are sorry we let you down. A service manager will contact you today to hear what went wrong and put it right.",
        "We will work on it and aim to do better next time.",
        "We are glad we could help and look forward to serving you again.",
        "You have rated this already",
        "You gave our service {0} out of 5. Thank you for your feedback!",
        "This link has expired",
        "This rating link is no longer valid. If you have feedback on our service, please call our service line.",
        "This link is not valid",
        "This link is incomplete or was altered. Please open the original link from our text message, or reply to it with a digit from 1 to 5.",
        "We could not find this survey",
        "No survey matches this link. Please open the original link from our text message, or reply to it with a digit from 1 to 5.");

    /// <summary>en for an English locale, else zh-CN (the default).</summary>
    public static SurveyPageText For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
}
