using AfterSales.Core.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AfterSales.Functions.Http;

/// <summary>
/// The tickets the sweep could not process (docs/http.md): GET /api/quarantined-tickets lists them with their error
/// (quarantined ones, and those still being retried); POST /api/quarantined-tickets/{ticketId}/replay puts one back in
/// the due index once the cause is fixed.
/// </summary>
public sealed class QuarantinedTicketsEndpoint(ITicketQuarantine quarantine, QuarantineReplay replay)
{
    public async Task<Ok<QuarantinedTicketsList>> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<QuarantinedTicketAnswer>();
        await foreach (var ticket in quarantine.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new QuarantinedTicketAnswer(ticket.TicketId, ticket.Quarantined, ticket.Failures, ticket.LastError,
                JsonTime.Instant(ticket.LastFailedAt), JsonTime.Instant(ticket.DueAt)));
        }
        return TypedResults.Ok(new QuarantinedTicketsList(items));
    }

    /// <summary>200 when the ticket is back in the due index; 404 when no such ticket is noted.</summary>
    public async Task<Results<Ok<QuarantineReplayAnswer>, ProblemHttpResult>> ReplayAsync(string ticketId, CancellationToken cancellationToken) =>
        await replay.ReplayAsync(ticketId, cancellationToken).ConfigureAwait(false)
            ? TypedResults.Ok(new QuarantineReplayAnswer(ticketId, "replayed"))
            : FieldProblem.Of(ProblemTypes.QuarantinedTicketNotFound, "No such quarantined ticket", 404, "ticketId", $"no ticket '{ticketId}' is quarantined");
}
