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
    private static readonly Duration Forever = Duration.FromDays(365 * 7_000);

    private readonly IReadOnlySet<string>? knownPriorities;
    private readonly EventTimeWindow window;
    private readonly TimeProvider time;
    private bool storedEvents;

    /// <param name="knownPriorities">P1..P4 and any named priority configured in settings.</param>
    /// <param name="maxFutureSkew">How far past now an occurredAt may be; one day when null.</param>
    /// <param name="time">The service clock; the system clock when null.</param>
    /// <param name="maxPastAge">How far before now a time may be; a year when null.</param>
    public TicketEventParser(IReadOnlySet<string> knownPriorities, Duration? maxFutureSkew = null, TimeProvider? time = null, Duration? maxPastAge = null)
        : this(knownPriorities, new EventTimeWindow(
            maxFutureSkew ?? Duration.FromDays(1), maxPastAge ?? EventTimeWindow.DefaultMaxPastAge, EventTimeWindow.DefaultMaxScheduleAhead), time)
    {
    }

    /// <param name="window">How far from now the event's times may be (<c>Events__…</c> settings).</param>
    public TicketEventParser(IReadOnlySet<string>? knownPriorities, EventTimeWindow window, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(window.MaxFutureSkew, Duration.Zero, nameof(window));
        ArgumentOutOfRangeException.ThrowIfLessThan(window.MaxPastAge, Duration.Zero, nameof(window));
        this.knownPriorities = knownPriorities;
        this.window = window;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// A parser for events AfterSales accepted earlier and stored: it keeps the shape checks but re-validates no
    /// value (priorities may since have been renamed in settings, times are in the past by now, ids were accepted
    /// before ids were bounded, and a phone number, email, locale or time zone valid then stays readable whatever
    /// today's rules or phone metadata say).
    /// </summary>
    public static TicketEventParser ForStoredEvents() => new(null, new EventTimeWindow(Forever, Forever, Forever), TimeProvider.System) { storedEvents = true };

    /// <summary>
    /// Whether <paramref name="other"/> accepts and rejects every line as this parser does: the same known priorities,
    /// time window, clock and mode (so a comparison parses its events once for both runs).
    /// </summary>
    public bool ParsesLike(TicketEventParser other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var samePriorities = knownPriorities is null ? other.knownPriorities is null
            : other.knownPriorities is not null && knownPriorities.SetEquals(other.knownPriorities);
        return samePriorities && window == other.window && ReferenceEquals(time, other.time) && storedEvents == other.storedEvents;
    }

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
        var check = new FieldChecks(type, knownPriorities, now, window, checkValues: !storedEvents);
        var evt = WireToDomain.ToEvent(dto, check);
        return check.Rejection is { } rejection ? EventParseResult.Rejected(rejection) : EventParseResult.Accepted(evt);
    }
}
