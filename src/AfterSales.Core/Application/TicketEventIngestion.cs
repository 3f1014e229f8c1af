using AfterSales.Core.Events;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using NodaTime;

namespace AfterSales.Core.Application;

/// <summary>
/// Takes one event payload from the helpdesk: validates it, applies it to the ticket, saves, and re-indexes the
/// ticket's next due instant. A payload that cannot be applied is stored with its reason, never thrown away.
/// Safe under at-least-once delivery and concurrent handlers: duplicates change nothing, conflicting saves retry.
/// With <paramref name="texts"/>, the index also lists the ticket by its next customer text.
/// </summary>
public sealed class TicketEventIngestion(
    TicketEventParser parser,
    SlaEngine engine,
    ITicketStore tickets,
    IDueIndex dueIndex,
    IRejectedEvents rejectedEvents,
    IDeliveries deliveries,
    TimeProvider time,
    CustomerTextPlanner? texts = null)
{
    private const int MaxSaveAttempts = 50;

    public async Task<IngestResult> IngestAsync(string payload, string source, CancellationToken cancellationToken)
    {
        var result = await ApplyAsync(payload, cancellationToken).ConfigureAwait(false);
        if (result.Rejection is not { } rejection) return result;
        var kept = await rejectedEvents.AddAsync(payload, rejection, source, Now(), cancellationToken).ConfigureAwait(false);
        return result with { RejectedId = kept.Id };
    }

    /// <summary>Applies a rejected payload again (after an admin fixed the settings, say). It stays listed if it still fails.</summary>
    public async Task<IngestResult?> ReplayAsync(string rejectedId, CancellationToken cancellationToken)
    {
        if (await rejectedEvents.GetAsync(rejectedId, cancellationToken).ConfigureAwait(false) is not { } rejected) return null;
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

    private async Task<IngestResult> ApplyToTicketAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var current = await tickets.GetAsync(ticketEvent.TicketId, cancellationToken).ConfigureAwait(false);
            var history = current?.Ticket.History ?? TicketHistory.Empty(ticketEvent.TicketId);
            var applied = history.Apply(ticketEvent);
            if (ReferenceEquals(applied, history)) return IngestResult.Of(IngestOutcome.Duplicate, ticketEvent, ticketEvent.TicketId);

            var now = Now();
            var dueAt = DueIndexing.IndexInstant(engine.Assess(applied, now), texts?.Plan(applied, now), now);
            // The new index row goes in before the save and the old one out after it: a crash in between
            // leaves an extra row (a harmless look at the ticket), never a ticket that no sweep will find.
            if (dueAt is { } due) await dueIndex.PutAsync(new DueEntry(ticketEvent.TicketId, due), cancellationToken).ConfigureAwait(false);
            if (!await tickets.TrySaveAsync(new StoredTicket(applied, dueAt), current?.Version, cancellationToken).ConfigureAwait(false)) continue;
            if (current?.Ticket.IndexedDueAt is { } old && old != dueAt)
                await dueIndex.RemoveAsync(new DueEntry(ticketEvent.TicketId, old), cancellationToken).ConfigureAwait(false);
            return IngestResult.Of(IngestOutcome.Applied, ticketEvent, ticketEvent.TicketId);
        }
        throw new InvalidOperationException($"Ticket {ticketEvent.TicketId} kept changing under {MaxSaveAttempts} save attempts.");
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
