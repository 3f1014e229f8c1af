using System.Text;
using System.Text.Json;
using AfterSales.Core.Events.Wire;
using NodaTime;

namespace AfterSales.Core.Events;

/// <summary>
/// Reads one event of the JSON contract (docs/events.md) into a domain event, or says why it cannot be
/// applied. Bad input never throws: it becomes an <see cref="EventRejection"/> the admin can list and replay.
/// </summary>
public sealed class TicketEventParser
{
    private readonly IReadOnlySet<string>? knownPriorities;
    private readonly Duration maxFutureSkew;
    private readonly TimeProvider time;

    /// <param name="knownPriorities">P1..P4 and any named priority configured in settings.</param>
    /// <param name="maxFutureSkew">How far past now an occurredAt may be; one day when null.</param>
    /// <param name="time">The service clock; the system clock when null.</param>
    public TicketEventParser(IReadOnlySet<string> knownPriorities, Duration? maxFutureSkew = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(knownPriorities);
        var skew = maxFutureSkew ?? Duration.FromDays(1);
        ArgumentOutOfRangeException.ThrowIfLessThan(skew, Duration.Zero, nameof(maxFutureSkew));
        this.knownPriorities = knownPriorities;
        this.maxFutureSkew = skew;
        this.time = time ?? TimeProvider.System;
    }

    private TicketEventParser(Duration maxFutureSkew)
    {
        knownPriorities = null;
        this.maxFutureSkew = maxFutureSkew;
        time = TimeProvider.System;
    }

    /// <summary>
    /// A parser for events AfterSales accepted earlier and stored: it keeps every shape check but no policy
    /// check (priorities may since have been renamed in settings, times are in the past by now).
    /// </summary>
    public static TicketEventParser ForStoredEvents() => new(Duration.FromDays(365 * 1000));

    public EventParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <param name="utf8Json">The payload as UTF-8; a leading byte order mark is ignored.</param>
    public EventParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        }

        if (EnvelopeScan.FindType(utf8Json, out var type) is { } envelopeRejection)
        {
            return EventParseResult.Rejected(envelopeRejection);
        }

        WireEventTypes.TryGet(type, out var typeInfo);
        EventDto dto;
        try
        {
            dto = (EventDto)JsonSerializer.Deserialize(utf8Json, typeInfo)!;
        }
        catch (JsonException ex)
        {
            return EventParseResult.Rejected(WrongShape.Rejection(utf8Json, ex));
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var check = new FieldChecks(type, knownPriorities, now, maxFutureSkew);
        var evt = WireToDomain.ToEvent(dto, check);
        return check.Rejection is { } rejection ? EventParseResult.Rejected(rejection) : EventParseResult.Accepted(evt);
    }
}
