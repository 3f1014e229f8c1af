using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Azure.Tests.Support;

namespace AfterSales.Azure.Tests.Infra;

/// <summary>
/// The Functions project cannot build on every machine, so what its triggers need is checked here: every app setting
/// a binding names (<c>%Name%</c>, <c>Connection = "Name"</c>) is set by the Bicep app and by the local settings
/// template, the emulator and Bicep create the same queues, and the solution filter leaves out only that project.
/// </summary>
public sealed partial class WiringTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string FunctionsFolder = Path.Combine(Root, "src", "AfterSales.Functions");
    private static readonly string FunctionAppBicep = File.ReadAllText(Path.Combine(Root, "infra", "modules", "functionapp.bicep"));

    public static TheoryData<string> BindingSettings => new(BindingExpressions().Concat(Connections()).Distinct().Order());

    [Theory]
    [MemberData(nameof(BindingSettings))]
    public void Every_setting_a_trigger_names_is_set_in_azure(string name) =>
        Assert.Matches(new Regex($@"^\s+{name}(__fullyQualifiedNamespace)?:", RegexOptions.Multiline), FunctionAppBicep);

    [Theory]
    [MemberData(nameof(BindingSettings))]
    public void Every_setting_a_trigger_names_is_in_the_local_settings_template(string name)
    {
        var values = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsFolder, "local.settings.json.template"))).RootElement.GetProperty("Values");
        Assert.False(string.IsNullOrEmpty(values.GetProperty(name).GetString()));
    }

    [Fact]
    public void The_local_settings_run_the_isolated_worker_against_azurite_and_are_ignored_by_git()
    {
        var values = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsFolder, "local.settings.json.template"))).RootElement.GetProperty("Values");
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("Storage__ConnectionString").GetString());
        Assert.Contains("local.settings.json", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    [Fact]
    public void The_service_bus_emulator_and_bicep_create_the_same_queues()
    {
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "dev", "servicebus", "Config.json"))).RootElement;
        var queues = config.GetProperty("UserConfig").GetProperty("Namespaces")[0].GetProperty("Queues").EnumerateArray().ToList();
        var bicep = File.ReadAllText(Path.Combine(Root, "infra", "modules", "servicebus.bicep"));

        Assert.Equal(["notifications", "ticket-events"], queues.Select(q => q.GetProperty("Name").GetString()).Order());
        foreach (var queue in queues)
        {
            Assert.Contains($"name: '{queue.GetProperty("Name").GetString()}'", bicep, StringComparison.Ordinal);
            var properties = queue.GetProperty("Properties");
            Assert.True(properties.GetProperty("DeadLetteringOnMessageExpiration").GetBoolean());
            Assert.True(properties.GetProperty("RequiresDuplicateDetection").GetBoolean());
            Assert.Equal(10, properties.GetProperty("MaxDeliveryCount").GetInt32());
        }
        Assert.Contains("maxDeliveryCount int = 10", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void The_solution_filter_holds_every_project_but_the_functions_app()
    {
        var solution = File.ReadAllText(Path.Combine(Root, "AfterSales.Functions.sln"));
        var inSolution = ProjectPath().Matches(solution).Select(m => m.Groups[1].Value).ToList();
        var filter = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "AfterSales.slnf"))).RootElement.GetProperty("solution");

        Assert.Equal("AfterSales.Functions.sln", filter.GetProperty("path").GetString());
        Assert.Contains(@"src\AfterSales.Functions\AfterSales.Functions.csproj", inSolution);
        Assert.Equal(
            inSolution.Where(p => !p.Contains("AfterSales.Functions", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            filter.GetProperty("projects").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> FunctionSources() =>
        Directory.EnumerateFiles(FunctionsFolder, "*.cs").Select(File.ReadAllText);

    private static IEnumerable<string> BindingExpressions() =>
        FunctionSources().SelectMany(s => BindingExpression().Matches(s)).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> Connections() =>
        FunctionSources().SelectMany(s => ConnectionName().Matches(s)).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"""%(\w+)%""")]
    private static partial Regex BindingExpression();

    [GeneratedRegex(@"Connection = ""(\w+)""")]
    private static partial Regex ConnectionName();

    [GeneratedRegex(@"""([^""]+\.csproj)""")]
    private static partial Regex ProjectPath();
}
