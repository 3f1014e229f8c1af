using System.Text;

namespace AfterSales.Core.Settings;

/// <summary>
/// A ladder level is configured under a name valid in an app setting (<c>DepartmentHead</c>, <c>Day7</c>), and known
/// to the engine, step keys, queue messages and emails by its step name: the words of that name in lower case,
/// joined by hyphens (<c>department-head</c>, <c>day-7</c>). Step keys therefore read as they did when the levels
/// were configured as <c>department-head</c> and <c>day-7</c>, and steps already sent are not sent again.
/// </summary>
public static class LadderLevelName
{
    /// <summary><c>DepartmentHead</c> → <c>department-head</c>, <c>Day15</c> → <c>day-15</c>, <c>P1Opened</c> → <c>p1-opened</c>.</summary>
    public static string StepName(string settingName)
    {
        var text = new StringBuilder(settingName.Length + 4);
        for (var i = 0; i < settingName.Length; i++)
        {
            var current = settingName[i];
            if (i > 0 && StartsWord(settingName[i - 1], current)) text.Append('-');
            text.Append(char.ToLowerInvariant(current));
        }

        return text.ToString();
    }

    /// <summary>A suggestion for a level name that cannot be an app setting: <c>vip-opened</c> → <c>VipOpened</c>.</summary>
    public static string Suggest(string name)
    {
        var text = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return text.Length == 0 ? "MyLevel" : text.ToString();
    }

    private static bool StartsWord(char previous, char current) =>
        (char.IsAsciiLetterUpper(current) && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)))
        || (char.IsAsciiDigit(current) && char.IsAsciiLetterLower(previous));
}
