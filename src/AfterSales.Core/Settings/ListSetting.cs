namespace AfterSales.Core.Settings;

/// <summary>
/// Lists are comma-separated strings (<c>P1,P2</c>), never JSON arrays, so that one environment variable holds a
/// whole list. Items are trimmed; empty items are dropped, so an empty string is an empty list.
/// </summary>
public static class ListSetting
{
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
