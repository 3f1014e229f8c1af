using System.Globalization;
using AfterSales.Core.Application;
using AfterSales.Core.Texts;
using AfterSales.Core.Tickets;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace AfterSales.Functions.Survey;

/// <summary>
/// The survey link a customer opens: GET shows the survey (or a page saying why it cannot be answered), POST records
/// the rating once with its optional comment, starts the follow-up (manager alert for 1–2, thank-you text for 4–5)
/// and says what happens next. A GET never records anything, so a link preview or a crawler cannot rate. Pages are in
/// the customer's language (the ticket's locale; without a trusted ticket, the browser's), zh-CN by default.
/// </summary>
public sealed class SurveyPageEndpoint(SurveyResponses surveys, RatingFollowUps followUps, ITicketStore tickets, TextSettings settings, TimeProvider time)
{
    public async Task<HtmlPage> ShowAsync(string? token, string? acceptLanguage, CancellationToken cancellationToken)
    {
        var view = await surveys.ViewAsync(token, Now, cancellationToken).ConfigureAwait(false);
        var (text, summary) = await TicketAsync(view.TicketId, acceptLanguage, cancellationToken).ConfigureAwait(false);
        return view.State switch
        {
            SurveyLinkState.Open => SurveyPage.Form(text, settings.CompanyName, view.TicketId!, summary),
            _ => Refusal(view.State, view.Rating, text),
        };
    }

    public async Task<HtmlPage> AnswerAsync(string? token, string? ratingText, string? comment, string? acceptLanguage, CancellationToken cancellationToken)
    {
        var rating = int.TryParse(ratingText, NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? given : 0;
        var result = await surveys.RateByLinkAsync(token, rating, Now, cancellationToken, comment).ConfigureAwait(false);
        if (result.Recorded is { } recorded)
        {
            await followUps.ApplyAsync(recorded, cancellationToken).ConfigureAwait(false);
            var (thanked, _) = await TicketAsync(recorded.TicketId, acceptLanguage, cancellationToken).ConfigureAwait(false);
            return SurveyPage.Thanks(thanked, settings.CompanyName, recorded.Rating);
        }

        var view = await surveys.ViewAsync(token, Now, cancellationToken).ConfigureAwait(false);
        var (text, summary) = await TicketAsync(view.TicketId, acceptLanguage, cancellationToken).ConfigureAwait(false);
        if (result.State != SurveyLinkState.Invalid) return Refusal(result.State, result.RatingBefore ?? view.Rating, text);
        if (view.State != SurveyLinkState.Open) return Refusal(view.State, view.Rating, text);

        // The answer itself was wrong (no score, a comment too long): the same survey again, saying what to fix.
        var error = rating is >= 1 and <= 5 ? text.CommentTooLong : text.ChooseScore;
        return SurveyPage.Form(text, settings.CompanyName, view.TicketId!, summary, error, 400);
    }

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    private HtmlPage Refusal(SurveyLinkState state, int? rating, SurveyPageText text) => state switch
    {
        SurveyLinkState.Answered => SurveyPage.Answered(text, settings.CompanyName, rating),
        SurveyLinkState.Expired => SurveyPage.Expired(text, settings.CompanyName),
        SurveyLinkState.NotFound => SurveyPage.NotFound(text, settings.CompanyName),
        _ => SurveyPage.Forged(text, settings.CompanyName),
    };

    /// <summary>The page language and the ticket's summary: from the ticket the signed token names, else the browser's language.</summary>
    private async Task<(SurveyPageText Text, string? Summary)> TicketAsync(string? ticketId, string? acceptLanguage, CancellationToken cancellationToken)
    {
        var opened = ticketId is null ? null
            : await tickets.GetAsync(ticketId, cancellationToken).ConfigureAwait(false) is { } stored ? new TicketFacts(stored.Ticket.History, Now).Opened : null;
        var locale = opened?.Customer.Locale ?? BrowserLocale(acceptLanguage) ?? settings.Templates.DefaultLocale;
        return (SurveyPageText.For(locale), opened?.Summary);
    }

    private static string? BrowserLocale(string? acceptLanguage) =>
        string.IsNullOrWhiteSpace(acceptLanguage) ? null : acceptLanguage.Split(',')[0].Split(';')[0].Trim();
}
