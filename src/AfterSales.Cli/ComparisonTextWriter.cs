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
            var block = new Block(output, LabelWidth(a, b));
            block.Row("first response met", Share(a?.FirstResponseMet), Share(b?.FirstResponseMet));
            block.Row("no first reply", Value(a?.NoFirstResponse), Value(b?.NoFirstResponse));
            block.Row("resolution met", Share(a?.ResolutionMet), Share(b?.ResolutionMet));
            block.Row("median first reply", Span(a?.MedianFirstResponse), Span(b?.MedianFirstResponse));
            block.Row("p95 first reply", Span(a?.P95FirstResponse), Span(b?.P95FirstResponse));
            block.Counts(Escalations, a?.EscalationsPerLevel, b?.EscalationsPerLevel);
            block.Counts(Texts, a?.TextsPerKind, b?.TextsPerKind);
            block.Row("budget holds", Value(a?.BudgetHolds), Value(b?.BudgetHolds));
        }

        output.WriteLine();
        output.WriteLine(comparison.ChangedTickets.Count == 0
            ? "No ticket's outcome changed."
            : $"Tickets whose outcome changed ({comparison.ChangedTickets.Count})");
        foreach (var change in comparison.ChangedTickets)
            output.WriteLine($"  {change.TicketId,-8} {string.Join("; ", change.Changes)}");
    }

    private const string Escalations = "escalations";
    private const string Texts = "texts";
    private const int MinimumLabelWidth = 36;

    /// <summary>Wide enough for the policy's longest label (a ladder level or text kind may be long), so its figures line up.</summary>
    private static int LabelWidth(PolicySummary? before, PolicySummary? after)
    {
        static IEnumerable<string> Keys(IReadOnlyDictionary<string, int>? counts) => counts?.Keys ?? Enumerable.Empty<string>();
        var escalations = Keys(before?.EscalationsPerLevel).Concat(Keys(after?.EscalationsPerLevel)).Select(k => Escalations.Length + 2 + k.Length);
        var texts = Keys(before?.TextsPerKind).Concat(Keys(after?.TextsPerKind)).Select(k => Texts.Length + 2 + k.Length);
        return escalations.Concat(texts).Append(MinimumLabelWidth).Max();
    }

    /// <summary>One policy's rows, their labels padded to one width.</summary>
    private sealed class Block(TextWriter output, int labelWidth)
    {
        public void Row(string name, string before, string after) =>
            output.WriteLine($"  {(before == after ? " " : "*")} {name.PadRight(labelWidth)} {before,10} -> {after}");

        public void Counts(string name, IReadOnlyDictionary<string, int>? before, IReadOnlyDictionary<string, int>? after)
        {
            var keys = (before?.Keys ?? []).Union(after?.Keys ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (keys.Count == 0)
            {
                Row(name, "none", "none");
                return;
            }

            foreach (var key in keys)
                Row($"{name}: {key}", Value(before?.GetValueOrDefault(key) ?? 0), Value(after?.GetValueOrDefault(key) ?? 0));
        }
    }

    private static string Value(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Share(double? share) => share is { } v ? v.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";

    private static string Span(NodaTime.Duration? duration) => duration is { } d ? DurationText.Format(d) : "-";
}
