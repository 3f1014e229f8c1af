using AfterSales.Core.Tests.TestSupport;

namespace AfterSales.Core.Tests.Cli;

/// <summary>Sets process environment variables, which every CLI run reads: these tests run alone.</summary>
[CollectionDefinition(nameof(SettingsCheckEnvironmentTests), DisableParallelization = true)]
public sealed class SettingsCheckEnvironmentCollection;

[Collection(nameof(SettingsCheckEnvironmentTests))]
public class SettingsCheckEnvironmentTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "samples", "settings.json");

    [Theory]
    [InlineData("Storage__TablePrefx", "x")]
    [InlineData("Revisits__SendAt", "nonsense")]
    public void A_bad_key_in_the_environment_exits_2_naming_it(string key, string value)
    {
        var run = WithEnvironment(key, value, () => CliRun.Of("settings", "check", "--settings", Sample));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"  {key}: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_wins_over_the_file_and_says_so()
    {
        var run = WithEnvironment("Escalation__Teams__Default__Supervisor", "lead@example.com", () => CliRun.Of("settings", "check", "--settings", Sample));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("environment", "lead@example.com"), SettingsCheckCommandTests.Rows(run.Output)["Escalation__Teams__Default__Supervisor"]);
    }

    private static CliRun WithEnvironment(string key, string value, Func<CliRun> run)
    {
        Environment.SetEnvironmentVariable(key, value);
        try
        {
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable(key, null);
        }
    }
}
