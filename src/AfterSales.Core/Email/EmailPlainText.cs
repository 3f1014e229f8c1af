using System.Text;

namespace AfterSales.Core.Email;

/// <summary>The plain-text body: the same content as the HTML, for clients that show text only.</summary>
public static class EmailPlainText
{
    public static string Write(EscalationEmailContent content)
    {
        var text = new StringBuilder();
        text.AppendLine(content.Banner).AppendLine(content.Title).AppendLine(content.Summary).AppendLine();
        if (content.Expectation.Length > 0) text.AppendLine($"{content.DoNowLabel}: {content.Expectation}").AppendLine();
        foreach (var (label, value) in content.Facts) text.AppendLine($"{label}: {value}");
        if (content.Link is { } link) text.AppendLine().AppendLine($"{content.LinkLabel}: {link.AbsoluteUri}");
        text.AppendLine().AppendLine(content.AlreadyToldLabel);
        foreach (var line in content.AlreadyTold) text.AppendLine($"- {line}");
        text.AppendLine().AppendLine(content.HistoryLabel);
        foreach (var (at, line) in content.History) text.AppendLine($"{at}  {line}");
        text.AppendLine().AppendLine("--").AppendLine(content.Footer);
        return text.ToString();
    }
}
