using System.Globalization;
using AfterSales.Core.Simulation;
using AfterSales.Core.Sla;

namespace AfterSales.Cli;

/// <summary>
/// The human-readable what-if report: per policy, each figure under the current settings and under the proposed ones
/// (a <c>*</c> marks what changed), then the tickets whose outcome changed and how.
/// </summary>
public static class ComparisonTextWriter
{
    public static void Write(SimulationComparison comparison, string currentName, string proposedName, TextWriter output)
    {
        output.WriteLine("AfterSales what-if: the same events under two settings");
        output.WriteLine($"  current:  {currentName}");
        output.WriteLine($"  proposed: {proposedName}");
        output.WriteLine();
        output.WriteLine("Summary per policy (current -> proposed; * where they differ)");
        foreach (var policy in comparison.Policies)
        {
            var (a, b) = (policy.Before, policy.After);
            output.WriteLine($"  {policy.Policy} ({Value(a?.Tickets)} -> {Value(b?.Tickets)} tickets)");
            Row(output, "first response met", Share(a?.FirstResponseMet), Share(b?.FirstResponseMet));
            Row(output, "no first reply", Value(a?.NoFirstResponse), Value(b?.NoFirstResponse));
            Row(output, "resolution met", Share(a?.ResolutionMet), Share(b?.ResolutionMet));
            Row(output, "median first reply", Span(a?.MedianFirstResponse), Span(b?.MedianFirstResponse));
            Row(output, "p95 first reply", Span(a?.P95FirstResponse), Span(b?.P95FirstResponse));
            Counts(output, "escalations", a?.EscalationsPerLevel, b?.EscalationsPerLevel);
            Counts(output, "texts", a?.TextsPerKind, b?.TextsPerKind);
            Row(output, "budget holds", Value(a?.BudgetHolds), Value(b?.BudgetHolds));
        }

        output.WriteLine();
        output.WriteLine(comparison.ChangedTickets.Count == 0
            ? "No ticket's outcome changed."
            : $"Tickets whose outcome changed ({comparison.ChangedTickets.Count})");
        foreach (var change in comparison.ChangedTickets)
            output.WriteLine($"  {change.TicketId,-8} {string.Join("; ", change.Changes)}");
    }

    private static void Row(TextWriter output, string name, string before, string after) =>
        output.WriteLine($"  {(before == after ? " " : "*")} {name,-36} {before,10} -> {after}");

    private static void Counts(TextWriter output, string name, IReadOnlyDictionary<string, int>? before, IReadOnlyDictionary<string, int>? after)
    {
        var keys = (before?.Keys ?? []).Union(after?.Keys ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            Row(output, name, "none", "none");
            return;
        }

        foreach (var key in keys)
            Row(output, $"{name}: {key}", Value(before?.GetValueOrDefault(key) ?? 0), Value(after?.GetValueOrDefault(key) ?? 0));
    }

    private static string Value(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Share(double? share) => share is { } v ? v.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";

    private static string Span(NodaTime.Duration? duration) => duration is { } d ? DurationText.Format(d) : "-";
}
