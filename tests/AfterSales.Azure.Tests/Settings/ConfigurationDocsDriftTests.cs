using System.Text;
using System.Text.RegularExpressions;
using AfterSales.Azure.Hosting;
using AfterSales.Azure.Sms;
using AfterSales.Azure.Storage;
using AfterSales.Azure.Tests.Support;
using AfterSales.Core.Settings;
using AfterSales.Core.Texts;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Azure.Tests.Settings;

/// <summary>
/// The configuration reference cannot drift from the code: every key the code accepts is documented, every
/// documented key is accepted, and every example in README.md and docs/, as written, passes the host's validation
/// (over the complete sample configuration, samples/settings.json).
/// </summary>
public sealed partial class ConfigurationDocsDriftTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Reference = Path.Combine(Root, "docs", "configuration.md");

    private static readonly Dictionary<string, DocumentedExamples.Example> ExamplesByPlace =
        new[] { "README.md", "docs/configuration.md", "docs/http.md", "docs/messages.md" }
            .SelectMany(file => DocumentedExamples.In(Path.Combine(Root, file), file))
            .ToDictionary(e => e.Where, StringComparer.Ordinal);

    public static TheoryData<string> Examples() => new(ExamplesByPlace.Keys);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_documented_example_passes_the_host_validation_as_written(string where)
    {
        var example = ExamplesByPlace[where];
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Root, "samples", "settings.json"))
            .AddInMemoryCollection(example.Values);
        foreach (var json in example.Json) builder.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        var exception = Record.Exception(() => AfterSalesOptions.Read(builder.Build()));

        Assert.True(exception is null, $"{example.Where}: {exception?.Message}");
    }

    [Fact]
    public void The_examples_are_found()
    {
        Assert.True(ExamplesByPlace.Count > 100, $"{ExamplesByPlace.Count} examples");
    }

    public static TheoryData<string> AcceptedKeys()
    {
        var keys = SettingsDefaults.Values.Keys.Select(k => k.Replace(":", "__", StringComparison.Ordinal))
            .Concat(StorageSettingsLoader.Known.Select(k => $"Storage__{k}"))
            .Concat(TwilioSettingsLoader.Known.Select(k => $"Sms__{k}"))
            .Concat(TextSettingsLoader.Known.Where(k => k != "Templates").Select(k => $"Texts__{k}"))
            .Concat(HostSettings.Keys);
        return new TheoryData<string>(keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AcceptedKeys))]
    public void Every_key_the_code_accepts_is_in_the_configuration_reference(string key)
    {
        Assert.Contains(DocumentedKeys(), documented => Pattern(documented).IsMatch(key));
    }

    public static TheoryData<string> Documented() => new(DocumentedKeys());

    [Theory]
    [MemberData(nameof(Documented))]
    public void Every_key_the_configuration_reference_names_is_accepted(string documented)
    {
        var key = Placeholder().Replace(documented, m => Stand_in(documented, m.Value)).Replace("__", ":", StringComparison.Ordinal);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Root, "samples", "settings.json"))
            .AddInMemoryCollection([KeyValuePair.Create(key, (string?)"x")])
            .Build();

        var errors = Record.Exception(() => AfterSalesOptions.Read(configuration)) is SettingsValidationException invalid ? invalid.Errors : [];

        Assert.DoesNotContain(errors, e => e.Message.StartsWith("unknown setting", StringComparison.Ordinal));
    }

    /// <summary>The first column of every table row of docs/configuration.md that names a key.</summary>
    private static List<string> DocumentedKeys() =>
        File.ReadLines(Reference)
            .Select(line => DocumentedKey().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Where(key => key.Contains("__", StringComparison.Ordinal) || HostSettings.Keys.Contains(key))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static Regex Pattern(string documented) =>
        new("^" + Placeholder().Replace(Regex.Escape(documented).Replace(@"\<", "<", StringComparison.Ordinal), "[A-Za-z0-9_.]+?") + "$");

    private static string Stand_in(string key, string placeholder) => placeholder switch
    {
        "<Team>" => "Default",
        "<Role>" => "Supervisor",
        "<Day>" => "Monday",
        "<locale>" => "en",
        "<Kind>" => "Progress",
        _ when key.StartsWith("Calendars__", StringComparison.Ordinal) => "Business",
        _ when key.StartsWith("Sla__", StringComparison.Ordinal) => "P1",
        _ when key.StartsWith("Escalation__Ladder__", StringComparison.Ordinal) => "Supervisor",
        _ => throw new InvalidOperationException($"no stand-in for {placeholder} in {key}"),
    };

    [GeneratedRegex(@"^\| `([A-Za-z][A-Za-z0-9_.<>]*)`", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentedKey();

    [GeneratedRegex("<[A-Za-z]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
