using System.Text.RegularExpressions;

namespace AfterSales.Azure.Tests.Settings;

/// <summary>
/// The settings examples of a markdown file, as an admin would copy them: the inline <c>`Key=value`</c> examples of a
/// line (a table row) as one group, its inline JSON settings objects as another, and each fenced block made only of
/// <c>Key=value</c> lines as one group.
/// </summary>
internal static partial class DocumentedExamples
{
    /// <param name="Where">File and line, to find the example.</param>
    /// <param name="Values">Colon-form keys and values.</param>
    /// <param name="Json">Inline JSON objects, layered after <paramref name="Values"/>.</param>
    public sealed record Example(string Where, IReadOnlyList<KeyValuePair<string, string?>> Values, IReadOnlyList<string> Json)
    {
        public override string ToString() => Where;
    }

    public static IEnumerable<Example> In(string path, string name)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                // A bash block's KEY=value line is a command's environment, not a list of settings.
                var isSettings = lines[i].Trim() is "```" or "```text";
                var start = i;
                var block = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) block.Add(lines[i]);
                var settings = block.Where(l => l.Trim().Length > 0).ToList();
                if (isSettings && settings.Count > 0 && settings.All(l => AssignmentLine().IsMatch(l)))
                    yield return new Example($"{name}:{start + 1}", settings.Select(Assignment).ToList(), []);
                continue;
            }

            var values = InlineAssignment().Matches(lines[i]).Select(m => Assignment(m.Groups[1].Value)).ToList();
            if (values.Count > 0) yield return new Example($"{name}:{i + 1}", values, []);
            var json = InlineJson().Matches(lines[i]).Select(m => m.Groups[1].Value).ToList();
            if (json.Count > 0) yield return new Example($"{name}:{i + 1} (JSON)", [], json);
        }
    }

    private static KeyValuePair<string, string?> Assignment(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return KeyValuePair.Create(text[..equals].Trim().Replace("__", ":", StringComparison.Ordinal), (string?)text[(equals + 1)..]);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.]*=", RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentLine();

    // An app setting as an example: a known section or host key, '=', a value (a name with <placeholders> is not one).
    [GeneratedRegex(@"`((?:Calendars|Sla|Escalation|Events|Email|Texts|Revisits|Reports|Sms|Storage)__[A-Za-z0-9_.]+=[^`]*|(?:SmsInboundUrl|TicketEventsQueue|NotificationsQueue|SlaSweepSchedule|OutboxRecoverySchedule|RevisitsSchedule|WeeklyDigestSchedule|MonthlyReportSchedule)=[^`]*)`", RegexOptions.CultureInvariant)]
    private static partial Regex InlineAssignment();

    [GeneratedRegex(@"`(\{""(?:Calendars|Sla|Escalation|Events|Email|Texts|Revisits|Sms|Storage)""[^`]*\})`", RegexOptions.CultureInvariant)]
    private static partial Regex InlineJson();
}
