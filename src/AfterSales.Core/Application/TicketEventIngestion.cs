using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Takes one event payload from the helpdesk: validates it, appends it to the ticket and lists the ticket in the due
/// index for the next sweep, which works out what the event changed. A payload that cannot be applied is stored with
/// its reason, never thrown away. Safe under at-least-once delivery and concurrent handlers: a duplicate changes
/// nothing but lists the ticket once more, a reused eventId with other content is a rejection. With
/// <c>threeStrikes</c>, an opening (applied or delivered again) is counted for its customer; a failure there throws
/// after the event is stored, so the redelivery, a duplicate, counts it again.
/// </summary>
public sealed class TicketEventIngestion(
    TicketEventParser parser,
    ITicketStore tickets,
    IDueIndex dueIndex,
    IRejectedEvents rejectedEvents,
    IDeliveries deliveries,
    TimeProvider time,
    ThreeStrikes.ThreeStrikesCheck? threeStrikes = null)
{
    public async Task<IngestResult> IngestAsync(string payload, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var result = EventBodies.Check(payload) is { } refused
            ? new IngestResult(IngestOutcome.Rejected, null, null, refused, null)
            : await ApplyAsync(payload, cancellationToken).ConfigureAwait(false);
        return await KeepRejectionAsync(result, payload, source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same from the raw body, so that invalid UTF-8 is refused instead of read with replacement characters.</summary>
    public async Task<IngestResult> IngestAsync(ReadOnlyMemory<byte> body, string source, CancellationToken cancellationToken)
    {
        if (EventBodies.Read(body.Span, out var payload) is not { } refused) return await IngestAsync(payload, source, cancellationToken).ConfigureAwait(false);
        return await KeepRejectionAsync(new IngestResult(IngestOutcome.Rejected, null, null, refused, null), payload, source, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IngestResult> KeepRejectionAsync(IngestResult result, string payload, string source, CancellationToken cancellationToken)
    {
        if (result.Rejection is not { } rejection) return result;
        var kept = await rejectedEvents.AddAsync(payload, rejection, source, Now(), cancellationToken).ConfigureAwait(false);
        return result with { RejectedId = kept.Id };
    }

    /// <summary>Applies a rejected payload again (after an admin fixed the settings, say). It stays listed if it still fails.</summary>
    public async Task<IngestResult?> ReplayAsync(string rejectedId, CancellationToken cancellationToken)
    {
        if (await rejectedEvents.GetAsync(rejectedId, cancellationToken).ConfigureAwait(false) is not { } rejected) return null;
        // The kept payload of a body too large or not UTF-8 is not what was sent: replaying it could apply something else.
        if (EventBodies.IsFinal(rejected.Rejection) || rejected.PayloadTruncated)
            return new IngestResult(IngestOutcome.Rejected, null, null, rejected.Rejection, rejectedId);
        var result = await ApplyAsync(rejected.Payload, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != IngestOutcome.Rejected)
            await rejectedEvents.MarkReplayedAsync(rejectedId, Now(), cancellationToken).ConfigureAwait(false);
        return result with { RejectedId = rejectedId };
    }

    private async Task<IngestResult> ApplyAsync(string payload, CancellationToken cancellationToken)
    {
        var parsed = parser.Parse(payload);
        if (!parsed.IsAccepted) return new IngestResult(IngestOutcome.Rejected, null, null, parsed.Rejection, null);

        return parsed.Event switch
        {
            TicketEvent ticketEvent => await ApplyToTicketAsync(ticketEvent, cancellationToken).ConfigureAwait(false),
            DeliveryEvent delivery => IngestResult.Of(
                await deliveries.AddAsync(delivery, cancellationToken).ConfigureAwait(false) ? IngestOutcome.DeliveryRecorded : IngestOutcome.Duplicate,
                delivery, delivery.TicketId),
            _ => throw new InvalidOperationException($"Unexpected event type {parsed.Event.Type}."),
        };
    }

    /// <summary>
    /// Stores the event, then lists its ticket in the due index as due now under a row of the event's own; the next
    /// sweep asks the engine what the event changed. Two inserts that read nothing: reading the whole history here
    /// would make an event cost more the older its ticket is (docs/storage.md), and reading or merging the state row
    /// would make it cost more the more tickets there are, on the emulator (docs/scaling.md).
    /// </summary>
    /// <remarks>
    /// The row goes in after the event, so a sweep that reads the row reads the event too, and it stays until a sweep
    /// has read it: one that looked at the ticket just before the event came in never removes it. A crash between the
    /// two leaves the event unlisted until the redelivery, a duplicate, lists it.
    /// </remarks>
    private async Task<IngestResult> ApplyToTicketAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        var outcome = await tickets.TryAddEventAsync(ticketEvent, cancellationToken).ConfigureAwait(false);
        if (outcome == AppendOutcome.ConflictingDuplicate)
        {
            return new IngestResult(IngestOutcome.Rejected, ticketEvent.EventId, ticketEvent.TicketId, new EventRejection(
                RejectionReason.ConflictingDuplicate, "eventId",
                $"eventId {ticketEvent.EventId} was taken before by an event with other content; an event id names one event"), null);
        }

        var now = DueIndexing.ToStoredPrecision(Now());
        await dueIndex.PutAsync(new DueEntry(ticketEvent.TicketId, now, ticketEvent.EventId), cancellationToken).ConfigureAwait(false);
        await CountStrikeAsync(ticketEvent, cancellationToken).ConfigureAwait(false);
        return IngestResult.Of(outcome == AppendOutcome.Appended ? IngestOutcome.Applied : IngestOutcome.Duplicate, ticketEvent, ticketEvent.TicketId);
    }

    private async Task CountStrikeAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        if (threeStrikes is not null && ticketEvent is TicketOpened opened)
            await threeStrikes.CheckAsync(opened, cancellationToken).ConfigureAwait(false);
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
