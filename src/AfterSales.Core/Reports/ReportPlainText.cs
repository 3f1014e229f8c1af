using System.Text;

namespace AfterSales.Core.Reports;

/// <summary>The plain-text body of a report: the same figures as the HTML, a table per section, bars as '#'.</summary>
public static class ReportPlainText
{
    private const int BarWidth = 20;

    public static string Write(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new StringBuilder();
        text.AppendLine(content.Banner).AppendLine(content.Title).AppendLine(content.Summary);
        foreach (var table in content.Tables)
        {
            text.AppendLine().AppendLine(table.Title);
            if (table.Rows.Count > 0)
            {
                var width = table.Rows.Max(r => r.Label.Length);
                text.AppendLine($"  {new string(' ', width)}  {string.Join("  ", table.Columns.Select(c => c.PadLeft(10)))}");
                foreach (var row in table.Rows)
                {
                    var bar = row.Bars.Count == 0 ? "" : "  " + new string('#', (int)Math.Round(Math.Clamp(row.Bars[0], 0, 1) * BarWidth));
                    text.AppendLine($"  {row.Label.PadRight(width)}  {string.Join("  ", row.Values.Select(v => v.PadLeft(10)))}{bar}");
                }
            }

            foreach (var line in table.Lines) text.AppendLine($"  - {line}");
        }

        text.AppendLine().AppendLine("--").AppendLine(content.Footer);
        return text.ToString();
    }
}
