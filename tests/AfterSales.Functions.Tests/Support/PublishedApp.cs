using System.Text.Json;

namespace AfterSales.Functions.Tests.Support;

/// <summary>
/// The app as <c>dotnet publish</c> laid it out beside these tests (the project's PublishFunctionsApp target), and the
/// <c>functions.metadata</c> the Functions Sdk generated into it: what the Functions host reads, not our source.
/// </summary>
internal static class PublishedApp
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "functions-app");

    public static IReadOnlyList<FunctionMetadata> Functions { get; } = Read();

    private static List<FunctionMetadata> Read()
    {
        var path = Path.Combine(Folder, "functions.metadata");
        if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing: build this test project (it publishes the Functions app after Build).");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(FunctionMetadata.Read)];
    }
}

/// <summary>One function as the host sees it: its name and its bindings' properties.</summary>
internal sealed record FunctionMetadata(string Name, IReadOnlyList<IReadOnlyDictionary<string, string>> Bindings)
{
    public IReadOnlyDictionary<string, string> Trigger => Bindings.Single(b => b["type"].EndsWith("Trigger", StringComparison.Ordinal));

    public static FunctionMetadata Read(JsonElement function) => new(
        function.GetProperty("name").GetString()!,
        [.. function.GetProperty("bindings").EnumerateArray().Select(binding => (IReadOnlyDictionary<string, string>)binding.EnumerateObject()
            .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            .ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal))]);
}
