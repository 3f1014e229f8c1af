using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AfterSales.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled to the ARM JSON Azure deploys (the Bicep CLI from NuGet, as infra/tools/check.sh uses
/// it), and the app settings that deployment gives the function app, read from the compiled template.
/// </summary>
internal static partial class CompiledBicep
{
    private static readonly Lazy<JsonElement> Compiled = new(Compile);

    public static JsonElement Main => Compiled.Value;

    public static JsonElement Module(string name) => Main.GetProperty("resources").GetProperty(name).GetProperty("properties");

    public static JsonElement ModuleTemplate(string name) => Module(name).GetProperty("template");

    public static JsonElement Resource(string module, string type) =>
        ModuleTemplate(module).GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == type);

    /// <summary>The app settings: setting name → the ARM expression or literal that gives its value.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings { get; } = ReadAppSettings();

    public static IReadOnlyCollection<string> AppSettingNames => [.. AppSettings.Keys];

    private static Dictionary<string, string> ReadAppSettings()
    {
        var config = Resource("functionApp", "Microsoft.Web/sites/config").GetProperty("properties").GetString()!;
        var union = UnionCall().Match(config);
        if (!union.Success) throw new InvalidOperationException($"The app settings are not a union() of objects: {config}");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in ArmExpression.Arguments(union.Groups[1].Value))
        {
            foreach (var (name, value) in ObjectOf(part)) settings[name] = value;
        }
        return settings;
    }

    private static IEnumerable<(string, string)> ObjectOf(string expression)
    {
        if (expression.StartsWith("createObject(", StringComparison.Ordinal))
        {
            var arguments = ArmExpression.Arguments(expression["createObject(".Length..^1]);
            for (var i = 0; i + 1 < arguments.Count; i += 2) yield return (arguments[i].Trim('\''), arguments[i + 1]);
            yield break;
        }

        var reference = Reference().Match(expression);
        if (!reference.Success) throw new InvalidOperationException($"Cannot read the settings object {expression}");
        var source = reference.Groups[1].Value == "parameters"
            ? Module("functionApp").GetProperty("parameters").TryGetProperty(reference.Groups[2].Value, out var passed)
                ? passed.GetProperty("value")
                : ModuleTemplate("functionApp").GetProperty("parameters").GetProperty(reference.Groups[2].Value).GetProperty("defaultValue")
            : ModuleTemplate("functionApp").GetProperty("variables").GetProperty(reference.Groups[2].Value);
        // An object passed from main.bicep may itself be a parameter of main (the admin's aftersalesSettings).
        if (source.ValueKind == JsonValueKind.String && Reference().Match(source.GetString()!.Trim('[', ']')) is { Success: true } outer)
            source = Main.GetProperty("parameters").GetProperty(outer.Groups[2].Value).GetProperty("defaultValue");
        foreach (var property in source.EnumerateObject()) yield return (property.Name, property.Value.ToString());
    }

    private static JsonElement Compile()
    {
        var root = RepositoryRoot.Find();
        var bicep = Run("dotnet", root, "msbuild", "infra/tools/BicepCli.proj", "-restore", "-t:PrintBicepPath", "-nologo", "-verbosity:minimal")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(l => l.EndsWith("/bicep", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        var json = Run(bicep, root, "build", "infra/main.bicep", "--stdout");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Run(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) process.Kill(entireProcessTree: true);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors.Result}{output.Result}");
        return output.Result;
    }

    [GeneratedRegex(@"^\[union\((.*)\)\]$", RegexOptions.Singleline)]
    private static partial Regex UnionCall();

    [GeneratedRegex(@"^(parameters|variables)\('([^']+)'\)$")]
    private static partial Regex Reference();
}

/// <summary>Splits the arguments of an ARM template function call, minding nested calls and quoted strings.</summary>
internal static class ArmExpression
{
    public static List<string> Arguments(string text)
    {
        var arguments = new List<string>();
        var (depth, quoted, start) = (0, false, 0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0)
            {
                arguments.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        arguments.Add(text[start..].Trim());
        return arguments;
    }
}
