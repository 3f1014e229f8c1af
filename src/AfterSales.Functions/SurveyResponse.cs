using System.Globalization;
using System.Text.Json.Nodes;
using AfterSales.Core.Http;
using AfterSales.Core.Texts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// GET or POST /api/s/{token}?rating=… (or /api/s?token=…&amp;rating=…), anonymous: the short path keeps a survey text within two SMS segments: a rating through the signed survey link (docs/http.md). Its
/// follow-up (manager alert for 1–2, thank-you text for 4–5) becomes an outbox row that <c>OutboxRecovery</c> sends.
/// </summary>
public sealed class SurveyResponse(SurveyResponses surveys, RatingFollowUps followUps, TimeProvider time)
{
    [Function(nameof(SurveyResponse))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "s/{token?}")] HttpRequest request,
        string? token,
        CancellationToken cancellationToken)
    {
        token = string.IsNullOrEmpty(token) ? request.Query["token"] : token;
        string? ratingText = request.Query["rating"];
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            token ??= form["token"];
            ratingText ??= form["rating"];
        }

        if (!int.TryParse(ratingText, NumberStyles.None, CultureInfo.InvariantCulture, out var rating))
            return Answer(400, new JsonObject { ["recorded"] = false, ["error"] = "rating: choose 1 to 5" });
        var result = await surveys.RateByLinkAsync(token, rating, Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken);
        if (result.Recorded is { } rated) await followUps.ApplyAsync(rated, cancellationToken);
        return result.Recorded is { } recorded
            ? Answer(200, new JsonObject { ["recorded"] = true, ["ticketId"] = recorded.TicketId, ["rating"] = recorded.Rating })
            : Answer(400, new JsonObject { ["recorded"] = false, ["error"] = result.Error });
    }

    private static IActionResult Answer(int status, JsonObject body) => ApiResponse.Json(status, body).ToActionResult();
}
