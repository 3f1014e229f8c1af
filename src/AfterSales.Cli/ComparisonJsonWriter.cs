using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Core.Simulation;

namespace AfterSales.Cli;

/// <summary>The machine-readable what-if report: both summaries per policy and the tickets whose outcome changed.</summary>
public static class ComparisonJsonWriter
{
    private static readonly ComparisonJsonContext ReadableContext = new(new JsonSerializerOptions(ComparisonJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write(SimulationComparison comparison, TextWriter output)
    {
        var report = new ComparisonReport(
            [.. comparison.Policies.Select(p => new PolicyComparisonReport(p.Policy, Summary(p.Before), Summary(p.After)))],
            [.. comparison.ChangedTickets.Select(c => new TicketChangeReport(c.TicketId, c.Changes))]);
        output.WriteLine(JsonSerializer.Serialize(report, ReadableContext.ComparisonReport));
    }

    private static SummaryReport? Summary(PolicySummary? s) => s is null ? null : SimulationJsonWriter.Summary(s);
}

public sealed record ComparisonReport(IReadOnlyList<PolicyComparisonReport> Policies, IReadOnlyList<TicketChangeReport> ChangedTickets);

/// <param name="Current">The policy's figures under the current settings; null when no ticket fell under it.</param>
/// <param name="Proposed">The same under the proposed settings.</param>
public sealed record PolicyComparisonReport(string Policy, SummaryReport? Current, SummaryReport? Proposed);

public sealed record TicketChangeReport(string TicketId, IReadOnlyList<string> Changes);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ComparisonReport))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext;
