using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Core.Simulation;
using AfterSales.Core.Texts;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Cli;

/// <summary>The machine-readable report of a simulation, for admins who compare runs with scripts.</summary>
public static class SimulationJsonWriter
{
    // Customer names and summaries stay readable (张伟, not \u5F20\u4F1F); the report is never embedded in HTML.
    private static readonly SimulationJsonContext ReadableContext = new(new JsonSerializerOptions(SimulationJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write(SimulationResult result, DateTimeZone zone, TextWriter output)
    {
        var pattern = OffsetDateTimePattern.Rfc3339;
        string Time(Instant i) => pattern.Format(i.InZone(zone).ToOffsetDateTime());

        var report = new SimulationReport(
            [.. result.Rejected.Select(r => new RejectedReport(r.LineNumber, r.Rejection.Reason.ToString(), r.Rejection.Field, r.Rejection.Message))],
            [.. result.Timeline.Select(e => new TimelineReport(
                Time(e.At), e.TicketId, e.Kind.ToString(), e.Text,
                e.Step?.Key, e.Step?.Level, e.Step?.Role, e.Step?.Recipient,
                e.CustomerText?.Key, e.CustomerText is { } t ? TimelineText.KindName(t.Kind) : null, e.CustomerText is { } p ? CustomerPhones.Mask(p.Phone) : null,
                e.CustomerText?.Text.Body, e.CustomerText?.Text.Size.Segments, e.CustomerText is { } d ? Time(d.DueAt) : null,
                e.Slack?.Working.TotalMinutes, e.Slack?.Calendar?.TotalMinutes))],
            [.. result.Summary.Select(Summary)]);
        output.WriteLine(JsonSerializer.Serialize(report, ReadableContext.SimulationReport));
    }

    public static SummaryReport Summary(PolicySummary s) => new(
        s.Policy, s.Tickets, s.FirstResponseMet, s.NoFirstResponse, s.ResolutionMet,
        s.MedianFirstResponse?.TotalMinutes, s.P95FirstResponse?.TotalMinutes,
        s.EscalationsPerLevel.ToDictionary(p => p.Key, p => p.Value),
        s.TextsPerKind.ToDictionary(p => p.Key, p => p.Value), s.BudgetHolds);
}

public sealed record SimulationReport(IReadOnlyList<RejectedReport> Rejected, IReadOnlyList<TimelineReport> Timeline, IReadOnlyList<SummaryReport> Summary);

public sealed record RejectedReport(int Line, string Reason, string Field, string Message);

/// <param name="Phone">A text's number, masked.</param>
/// <param name="Content">A text's rendered body, as the customer reads it (sent or not: see <paramref name="Kind"/>).</param>
/// <param name="DueAt">When a text's occasion called for it; <paramref name="At"/> is when it is sent (after quiet hours) or held.</param>
/// <param name="SpareWorkingMinutes">A target met or missed: working time it had to spare in the policy's calendar, negative when late.</param>
/// <param name="SpareCalendarMinutes">The same in calendar time (a weekend counts in full).</param>
public sealed record TimelineReport(
    string At, string TicketId, string Kind, string Text, string? StepKey, string? Level, string? Role, string? Recipient,
    string? TextKey, string? TextKind, string? Phone, string? Content, int? Segments, string? DueAt,
    double? SpareWorkingMinutes, double? SpareCalendarMinutes);

public sealed record SummaryReport(
    string Policy, int Tickets, double? FirstResponseMet, int NoFirstResponse, double? ResolutionMet,
    double? MedianFirstResponseMinutes, double? P95FirstResponseMinutes, Dictionary<string, int> EscalationsPerLevel,
    Dictionary<string, int> TextsPerKind, int BudgetHolds);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SimulationReport))]
internal sealed partial class SimulationJsonContext : JsonSerializerContext;
