using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Core.Simulation;
using AfterSales.Core.Texts;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Cli;

/// <summary>
/// The machine-readable report of a simulation, for admins who compare runs with scripts:
/// <c>{ "rejected": [...], "timeline": [...], "summary": [...] }</c>, written as the run goes (the timeline of a large
/// month never sits in memory).
/// </summary>
public sealed class SimulationJsonWriter : ISimulationWriter, IDisposable
{
    // Customer names and summaries stay readable (张伟, not \u5F20\u4F1F); the report is never embedded in HTML.
    private static readonly SimulationJsonContext ReadableContext = new(new JsonSerializerOptions(SimulationJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private const int FlushAt = 1 << 16;
    private readonly DateTimeZone zone;
    private readonly TextWriter output;
    private readonly ArrayBufferWriter<byte> buffer = new(FlushAt * 2);
    private readonly Utf8JsonWriter json;

    public SimulationJsonWriter(DateTimeZone zone, TextWriter output)
    {
        this.zone = zone;
        this.output = output;
        json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public void Begin(IReadOnlyList<RejectedLine> rejected)
    {
        json.WriteStartObject();
        json.WritePropertyName("rejected");
        JsonSerializer.Serialize(json, [.. rejected.Select(r => new RejectedReport(r.LineNumber, r.Rejection.Reason.ToString(), r.Rejection.Field, r.Rejection.Message))],
            ReadableContext.IReadOnlyListRejectedReport);
        json.WritePropertyName("timeline");
        json.WriteStartArray();
    }

    public void Entry(TimelineEntry entry)
    {
        var e = entry;
        var report = new TimelineReport(
            Time(e.At), e.TicketId, e.Kind.ToString(), e.Text,
            e.Step?.Key, e.Step?.Level, e.Step?.Role, e.Step?.Recipient,
            e.CustomerText?.Key, e.CustomerText is { } t ? TimelineText.KindName(t.Kind) : null, e.CustomerText is { } p ? CustomerPhones.Mask(p.Phone) : null,
            e.CustomerText?.Text.Body, e.CustomerText?.Text.Size.Segments, e.CustomerText is { } d ? Time(d.DueAt) : null,
            e.Slack?.Working.TotalMinutes, e.Slack?.Calendar?.TotalMinutes);
        JsonSerializer.Serialize(json, report, ReadableContext.TimelineReport);
        if (json.BytesPending + buffer.WrittenCount >= FlushAt) Flush();
    }

    public void End(IReadOnlyList<PolicySummary> summary)
    {
        json.WriteEndArray();
        json.WritePropertyName("summary");
        JsonSerializer.Serialize(json, [.. summary.Select(Summary)], ReadableContext.IReadOnlyListSummaryReport);
        json.WriteEndObject();
        Flush();
        output.WriteLine();
    }

    public void Dispose() => json.Dispose();

    public static SummaryReport Summary(PolicySummary s) => new(
        s.Policy, s.Tickets, s.FirstResponseMet, s.NoFirstResponse, s.ResolutionMet,
        s.MedianFirstResponse?.TotalMinutes, s.P95FirstResponse?.TotalMinutes,
        s.EscalationsPerLevel.ToDictionary(p => p.Key, p => p.Value),
        s.TextsPerKind.ToDictionary(p => p.Key, p => p.Value), s.BudgetHolds);

    private void Flush()
    {
        json.Flush();
        if (output is StreamWriter { Encoding: UTF8Encoding { Preamble.Length: 0 } } stream)
        {
            // The bytes are already UTF-8: straight to the stream (a string of each 64 KB would be a large object a flush).
            stream.Flush();
            stream.BaseStream.Write(buffer.WrittenSpan);
        }
        else
        {
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount));
            var count = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
            output.Write(chars, 0, count);
            ArrayPool<char>.Shared.Return(chars);
        }

        buffer.ResetWrittenCount();
    }

    private string Time(Instant i) => OffsetDateTimePattern.Rfc3339.Format(i.InZone(zone).ToOffsetDateTime());
}

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
[JsonSerializable(typeof(IReadOnlyList<RejectedReport>))]
[JsonSerializable(typeof(TimelineReport))]
[JsonSerializable(typeof(IReadOnlyList<SummaryReport>))]
internal sealed partial class SimulationJsonContext : JsonSerializerContext;
