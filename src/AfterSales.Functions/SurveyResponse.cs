using System.Globalization;
using AfterSales.Core.Texts;
using AfterSales.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using NodaTime;

namespace AfterSales.Functions;

/// <summary>
/// GET or POST /api/s/{token}?rating=… (or /api/s?token=…&amp;rating=…), anonymous: a rating through the signed survey
/// link (docs/http.md); the short path keeps a survey text within two SMS segments. Its follow-up (manager alert for
/// 1–2, thank-you text for 4–5) goes to the outbox and the notifications queue.
/// </summary>
public sealed class SurveyResponse(SurveyResponses surveys, RatingFollowUps followUps, TimeProvider time)
{
    [Function(nameof(SurveyResponse))]
    public async Task<Results<Ok<SurveyAnswer>, BadRequest<SurveyAnswer>>> Run(
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
            return TypedResults.BadRequest(new SurveyAnswer(false, Error: "rating: choose 1 to 5"));
        var result = await surveys.RateByLinkAsync(token, rating, Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken);
        if (result.Recorded is not { } recorded) return TypedResults.BadRequest(new SurveyAnswer(false, Error: result.Error));
        await followUps.ApplyAsync(recorded, cancellationToken);
        return TypedResults.Ok(new SurveyAnswer(true, recorded.TicketId, recorded.Rating));
    }
}
