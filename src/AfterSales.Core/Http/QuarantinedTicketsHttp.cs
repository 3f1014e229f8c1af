using System.Text.Json.Nodes;
using AfterSales.Core.Application;

namespace AfterSales.Core.Http;

/// <summary>
/// The tickets the sweep could not process (docs/http.md): GET /api/quarantined-tickets lists them with their error
/// (quarantined ones, and those still being retried); POST /api/quarantined-tickets/{ticketId}/replay puts one back in
/// the due index once the cause is fixed.
/// </summary>
public sealed class QuarantinedTicketsHttp(ITicketQuarantine quarantine, QuarantineReplay replay)
{
    public async Task<ApiResponse> ListAsync(CancellationToken cancellationToken)
    {
        var items = new JsonArray();
        await foreach (var ticket in quarantine.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new JsonObject
            {
                ["ticketId"] = ticket.TicketId,
                ["quarantined"] = ticket.Quarantined,
                ["failures"] = ticket.Failures,
                ["lastError"] = ticket.LastError,
                ["lastFailedAt"] = JsonTime.Instant(ticket.LastFailedAt),
                ["dueAt"] = JsonTime.Instant(ticket.DueAt),
            });
        }
        return ApiResponse.Json(200, new JsonObject { ["items"] = items });
    }

    /// <summary>200 when the ticket is back in the due index; 404 when no such ticket is noted.</summary>
    public async Task<ApiResponse> ReplayAsync(string ticketId, CancellationToken cancellationToken)
    {
        if (!await replay.ReplayAsync(ticketId, cancellationToken).ConfigureAwait(false))
        {
            return ApiResponse.Problem(Problem.ForField(ProblemTypes.QuarantinedTicketNotFound, "No such quarantined ticket", 404, "ticketId",
                $"no ticket '{ticketId}' is quarantined"));
        }
        return ApiResponse.Json(200, new JsonObject { ["ticketId"] = ticketId, ["outcome"] = "replayed" });
    }
}
