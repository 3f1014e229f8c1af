using AfterSales.Core.Settings;

namespace AfterSales.Core.Tests.Settings;

public class ConfigurationDocsTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "configuration.md"));

    public static TheoryData<string> DefaultKeys => new(SettingsDefaults.Values.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DefaultKeys))]
    public void Every_default_is_documented_with_its_value(string key)
    {
        var environmentKey = key.Replace(":", "__", StringComparison.Ordinal);
        var rows = Lines.Where(l => l.StartsWith($"| `{environmentKey}` |", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        var value = SettingsDefaults.Values[key];
        var documented = string.IsNullOrEmpty(value) ? "(empty)" : $"`{value}`";
        Assert.All(rows, row => Assert.Contains(documented, row, StringComparison.Ordinal));
    }

    [Fact]
    public void The_docs_say_2027_holidays_are_for_the_admin_to_set()
    {
        Assert.Contains(Lines, l => l.Contains("2027", StringComparison.Ordinal) && l.Contains("not in the defaults", StringComparison.Ordinal));
    }
}
