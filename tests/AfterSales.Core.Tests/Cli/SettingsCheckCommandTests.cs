using System.Text.Json.Nodes;
using AfterSales.Core.Tests.TestSupport;

namespace AfterSales.Core.Tests.Cli;

public class SettingsCheckCommandTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "settings.json");

    [Fact]
    public void The_sample_settings_are_valid_and_every_key_is_printed_with_where_it_came_from()
    {
        var run = CliRun.Of("settings", "check", "--settings", Sample);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var rows = Rows(run.Output);
        Assert.Equal(("default", "75%"), rows["Sla__WarningAt"]);
        Assert.Equal(("file", "service.supervisor@example.com"), rows["Escalation__Teams__Default__Supervisor"]);
        Assert.Equal(("file", "*/15 * * * * *"), rows["SlaSweepSchedule"]);
        Assert.Equal(("default", "08:30-17:30"), rows["Calendars__Business__Hours__Monday"]);
        Assert.All(rows.Keys, key => Assert.True(AfterSales.Core.Settings.SettingsSections.Owns(key), $"{key} is not an AfterSales setting"));
        Assert.DoesNotContain("PATH", rows.Keys);
    }

    [Fact]
    public void Secrets_are_masked()
    {
        var run = CliRun.Of("settings", "check", "--settings", Sample);

        var rows = Rows(run.Output);
        Assert.Equal(("file", "********"), rows["Sms__AuthToken"]);
        Assert.Equal(("file", "********"), rows["Texts__SurveySigningKey"]);
        Assert.Equal(("file", "********"), rows["Storage__ConnectionString"]);
        Assert.Equal(("file", "********"), rows["Storage__KeyHashSecret"]);
        Assert.DoesNotContain("SAMPLE-ONLY", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("UseDevelopmentStorage", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_keys_of_several_sections_exit_2_naming_every_one()
    {
        var settings = SampleWith("""
            "Storage": { "ConnectionString": "UseDevelopmentStorage=true", "TablePrefx": "x" },
            "Revisits": { "SendAt": "nonsense" },
            "OutboxRecoverySchedule": "*/5 * * * *",
            """);

        var run = CliRun.Of("settings", "check", "--settings", settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("error: invalid settings (3 bad keys)", run.Error, StringComparison.Ordinal);
        Assert.Contains("  Storage__TablePrefx: unknown setting", run.Error, StringComparison.Ordinal);
        Assert.Contains("  Revisits__SendAt: 'nonsense' is not a local time", run.Error, StringComparison.Ordinal);
        Assert.Contains("  OutboxRecoverySchedule: '*/5 * * * *' has 5 fields", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_settings_file_is_a_clear_error()
    {
        var run = CliRun.Of("settings", "check", "--settings", Path.Combine(Directory.CreateTempSubdirectory("aftersales-tests-").FullName, "empty.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("settings file not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_settings_file_that_is_not_json_is_a_clear_error()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aftersales-tests-").FullName, "settings.json");
        File.WriteAllText(path, "{ \"Sla\": ");

        var run = CliRun.Of("settings", "check", "--settings", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: cannot read {path}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_refuses_a_setting_the_host_would_refuse()
    {
        var settings = SampleWith("""
            "Revisits": { "SendAt": "nonsense" },
            """);

        var run = CliRun.Of("simulate", "--settings", settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Revisits__SendAt", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The sample settings with <paramref name="members"/> (JSON members ending in a comma) merged in.</summary>
    internal static string SampleWith(string members)
    {
        var merged = JsonNode.Parse(File.ReadAllText(Sample))!.AsObject();
        Merge(merged, JsonNode.Parse("{" + members.TrimEnd().TrimEnd(',') + "}")!.AsObject());
        var path = Path.Combine(Directory.CreateTempSubdirectory("aftersales-tests-").FullName, "settings.json");
        File.WriteAllText(path, merged.ToJsonString());
        return path;
    }

    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (name, value) in from.ToList())
        {
            if (value is JsonObject child && into[name] is JsonObject existing) Merge(existing, child);
            else into[name] = value?.DeepClone();
        }
    }

    internal static Dictionary<string, (string Source, string Value)> Rows(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split("  ", 2))
            .Select(parts => (Key: parts[0].Trim(), Tail: parts[1].TrimStart()))
            .ToDictionary(
                r => r.Key,
                r => (r.Tail.Split(' ', 2)[0], r.Tail.Split(' ', 2).Length > 1 ? r.Tail.Split(' ', 2)[1].TrimStart() : ""),
                StringComparer.Ordinal);
}
